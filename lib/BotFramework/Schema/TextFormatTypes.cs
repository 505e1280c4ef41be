namespace PartyAffairs.BotFramework.Schema;

/// <summary>Values of an activity's <c>textFormat</c>. Web Chat renders a missing format as Markdown.</summary>
public static class TextFormatTypes
{
    /// <summary>Plain text, shown as is.</summary>
    public const string Plain = "plain";
    /// <summary>Markdown.</summary>
    public const string Markdown = "markdown";
    /// <summary>XML (SSML-like markup on some channels).</summary>
    public const string Xml = "xml";
}
