namespace PartyAffairs.Bot.BotFramework.Schema;

/// <summary>The activity type names of the Bot Framework schema.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string EndOfConversation = "endOfConversation";
    public const string Trace = "trace";
    public const string MessageReaction = "messageReaction";
    public const string InstallationUpdate = "installationUpdate";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";

    /// <summary>Not on the wire: the bot "sends" one to set the HTTP response of an invoke.</summary>
    public const string InvokeResponse = "invokeResponse";
}
