namespace PartyAffairs.Channels.Inbound;

/// <summary>Runs the turns of one channel that were queued in the <see cref="ChannelInbox"/>.</summary>
public interface IInboundTurnProcessor
{
    /// <summary>The channel whose turns this runs.</summary>
    string ChannelId { get; }

    /// <summary>Runs the turn (the bot, or the text-only note) and sends its replies.</summary>
    Task RunAsync(InboundTurn turn, CancellationToken cancellationToken);
}
