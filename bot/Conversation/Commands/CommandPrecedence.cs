namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// How specific a command's match is. The dispatcher runs the matching command of the most specific precedence
/// (lowest value); within one precedence at most one command may match a text (a test checks the table), and should two
/// ever match, the one whose <see cref="IChatCommand.Name"/> sorts first runs and a warning is logged.
/// </summary>
internal enum CommandPrecedence
{
    /// <summary>A reminder button's exact value (“已完成 主题党日 2026-11”): it names its duty and period, so it beats any reading of the words.</summary>
    Button = 0,

    /// <summary>A command with its own fixed syntax and parser (设置…, 查看提醒计划).</summary>
    Command = 1,

    /// <summary>The reading of the words (<see cref="TurnInput.Command"/>; later the intent layer's): one kind per text.</summary>
    Parsed = 2,

    /// <summary>Anything nothing else took: a question for the knowledge base.</summary>
    Fallback = 3,
}
