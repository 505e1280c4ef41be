namespace PartyAffairs.BotFramework;

/// <summary>
/// The few texts the protocol layer itself sends to users (options; the host sets them in its own language).
/// The defaults are neutral English.
/// </summary>
public sealed class ProtocolTexts
{
    /// <summary>Sent by the default error handler when a turn failed (the application usually registers its own handler).</summary>
    public string ServiceUnavailable { get; set; } = "The service is temporarily unavailable. Please try again later.";

    /// <summary>Sent by the placeholder bot while no <see cref="Builder.IBot"/> is registered.</summary>
    public string NotConfigured { get; set; } = "Hello. The conversation is not configured yet. Please try again later.";

    /// <summary>Sent to a member who posts faster than the rate limit allows.</summary>
    public string TooManyMessages { get; set; } = "You are sending messages too often. Please try again later.";

    /// <summary>True when every text is set.</summary>
    internal bool IsComplete =>
        !string.IsNullOrWhiteSpace(ServiceUnavailable) && !string.IsNullOrWhiteSpace(NotConfigured) && !string.IsNullOrWhiteSpace(TooManyMessages);
}
