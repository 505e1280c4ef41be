using System.Globalization;

namespace PartyAffairs.Channels;

/// <summary>
/// The few texts the channel layer itself sends to members (options; the host sets them in its own language).
/// The defaults are neutral English.
/// </summary>
public sealed class ChannelTexts
{
    /// <summary>Answer to pictures, files, voice and other non-text messages.</summary>
    public string TextOnly { get; set; } = "Only text messages are supported. Please type your message.";

    /// <summary>Answer while no conversation logic (<c>IBot</c>) is registered; a failed turn is the error handler's.</summary>
    public string Unavailable { get; set; } = "The service is temporarily unavailable. Please try again later.";

    /// <summary>Prefix of the line listing one-tap replies on platforms without buttons.</summary>
    public string ReplyHintPrefix { get; set; } = "You can reply: ";

    /// <summary>Separator between reply options in the hint line.</summary>
    public string ReplyHintSeparator { get; set; } = " / ";

    /// <summary>How a reply option appears in the hint line (<c>{0}</c> is the text to type), quoted so it is clear what to type.</summary>
    public string ReplyOptionFormat { get; set; } = "\"{0}\"";

    /// <summary>Title of a message on platforms that need one, when the text gives none.</summary>
    public string DefaultTitle { get; set; } = "Message";

    /// <summary>A reply option as it appears in the hint line.</summary>
    public string ReplyOption(string text) => string.Format(CultureInfo.InvariantCulture, ReplyOptionFormat, text);

    /// <summary>True when every text is set and <see cref="ReplyOptionFormat"/> names the option.</summary>
    internal bool IsComplete =>
        !string.IsNullOrWhiteSpace(TextOnly) && !string.IsNullOrWhiteSpace(Unavailable) && !string.IsNullOrWhiteSpace(ReplyHintPrefix)
        && !string.IsNullOrEmpty(ReplyHintSeparator) && !string.IsNullOrWhiteSpace(DefaultTitle)
        && ReplyOptionFormat?.Contains("{0}", StringComparison.Ordinal) == true;
}
