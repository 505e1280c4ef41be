namespace PartyAffairs.Bot.BotFramework.Schema;

/// <summary>Values of an activity's <c>textFormat</c>. Web Chat renders a missing format as Markdown.</summary>
public static class TextFormatTypes
{
    public const string Plain = "plain";
    public const string Markdown = "markdown";
    public const string Xml = "xml";
}
