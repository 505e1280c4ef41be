namespace PartyAffairs.BotFramework.Schema;

/// <summary>The activity type names of the Bot Framework schema.</summary>
public static class ActivityTypes
{
    /// <summary>A message with text, attachments or suggested actions.</summary>
    public const string Message = "message";
    /// <summary>Members joined or left the conversation.</summary>
    public const string ConversationUpdate = "conversationUpdate";
    /// <summary>The sender is typing.</summary>
    public const string Typing = "typing";
    /// <summary>A named event, not shown to users.</summary>
    public const string Event = "event";
    /// <summary>A request that expects a response in the HTTP answer.</summary>
    public const string Invoke = "invoke";
    /// <summary>The conversation ended.</summary>
    public const string EndOfConversation = "endOfConversation";
    /// <summary>Diagnostic output for the Emulator.</summary>
    public const string Trace = "trace";
    /// <summary>Reactions added to or removed from a message.</summary>
    public const string MessageReaction = "messageReaction";
    /// <summary>The bot was installed or uninstalled.</summary>
    public const string InstallationUpdate = "installationUpdate";
    /// <summary>A message was edited.</summary>
    public const string MessageUpdate = "messageUpdate";
    /// <summary>A message was deleted.</summary>
    public const string MessageDelete = "messageDelete";

    /// <summary>Not on the wire: the bot "sends" one to set the HTTP response of an invoke.</summary>
    public const string InvokeResponse = "invokeResponse";
}
