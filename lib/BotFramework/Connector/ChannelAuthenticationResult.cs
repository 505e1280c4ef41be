namespace PartyAffairs.BotFramework.Connector;

/// <summary>The outcome of checking an inbound request's token: the HTTP status to refuse with (0 when accepted) and why.</summary>
internal sealed record ChannelAuthenticationResult(int Status, string? Reason)
{
    /// <summary>The request may proceed.</summary>
    public static ChannelAuthenticationResult Accepted { get; } = new(0, null);

    /// <summary>True when the request may proceed.</summary>
    public bool IsAccepted => Status == 0;
}
