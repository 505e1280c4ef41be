namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// One chat command of the table: what it answers to (<see cref="Matches"/>, <see cref="Precedence"/>), who may run it
/// (<see cref="RequiredRole"/>, checked by the dispatcher before <see cref="HandleAsync"/>) and what it does. One file per
/// command in <c>Commands/</c>; registered with <see cref="ChatCommandServices.AddChatCommand{TCommand}"/>.
/// </summary>
internal interface IChatCommand
{
    /// <summary>A short unique name (logs, the ambiguity tie-break, tests).</summary>
    string Name { get; }

    /// <summary>Who may run it.</summary>
    RequiredRole RequiredRole { get; }

    /// <summary>How specific its match is.</summary>
    CommandPrecedence Precedence { get; }

    /// <summary>True when the input asks for this command. Pure and cheap: no I/O, no role checks.</summary>
    bool Matches(TurnInput input);

    /// <summary>Runs the command (the role was checked) and answers.</summary>
    Task HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
