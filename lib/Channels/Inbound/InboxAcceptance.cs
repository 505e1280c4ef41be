namespace PartyAffairs.Channels.Inbound;

/// <summary>What became of a platform message offered to the <see cref="ChannelInbox"/>.</summary>
public enum InboxAcceptance
{
    /// <summary>Stored in Redis: the callback may be acknowledged.</summary>
    Accepted,

    /// <summary>The message id was accepted within the last 10 minutes: acknowledge and do nothing.</summary>
    Duplicate,

    /// <summary>The inbox holds <see cref="ChannelQueueOptions.Capacity"/> turns: refuse so the platform retries.</summary>
    Full,
}
