namespace PartyAffairs.Bot.Conversation;

/// <summary>What a chat message asks the bot to do.</summary>
internal enum CommandKind
{
    /// <summary>Anything else: a question for the knowledge base.</summary>
    Question,
    Help,
    Bind,
    MyDuties,
    Complete,
    Leave,
    Undo,
    Notice,
    Confirm,
    Cancel,
    Status,
    Nudge,
}
