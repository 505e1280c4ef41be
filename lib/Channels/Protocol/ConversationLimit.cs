namespace PartyAffairs.Channels.Protocol;

/// <summary>At most <see cref="Permits"/> messages in any <see cref="Window"/> to one conversation.</summary>
public sealed class ConversationLimit
{
    /// <summary>Messages allowed per window.</summary>
    public int Permits { get; set; } = 7;

    /// <summary>The window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);
}
