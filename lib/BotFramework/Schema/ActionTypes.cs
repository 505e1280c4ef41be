namespace PartyAffairs.BotFramework.Schema;

/// <summary>Card action type names.</summary>
public static class ActionTypes
{
    /// <summary>Sends the value as the user's message, visible in the transcript.</summary>
    public const string ImBack = "imBack";
    /// <summary>Sends the value as the user's message, hidden from the transcript where the channel can.</summary>
    public const string PostBack = "postBack";
    /// <summary>Sends <c>text</c> (and <c>value</c>) as the user's message, showing <c>displayText</c>.</summary>
    public const string MessageBack = "messageBack";
    /// <summary>Opens the URL in the value.</summary>
    public const string OpenUrl = "openUrl";
}
