using PartyAffairs.Bot.Reminders;
using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// The “全部已完成” choice of a day's reminder list (<see cref="ReminderResponses.AllDone"/>): each line is recorded as if
/// its own 已完成 button had been tapped — read as that button's text and passed to the same <see cref="CompletionRecorder"/>,
/// so the same authorization applies line by line.
/// </summary>
internal sealed class AllDoneButtonCommand(CompletionRecorder recorder) : IChatCommand
{
    public string Name => "reminder-all-done";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Button;

    public bool Matches(TurnInput input) => ReminderResponses.ParseAll(input.Text) is not null;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (leave, kinds, periodKey) in ReminderResponses.ParseAll(context.Input.Text) ?? [])
        {
            var button = ReminderResponses.Buttons(kinds, periodKey, [leave ? CompletionStatus.Leave : CompletionStatus.Done])[0];
            var line = TurnInput.From(button.Value, context.Input.Member, context.Input.Context.Today);
            await recorder.RecordAsync(new CommandContext(context.Turn, line, context.Sender), leave ? CompletionStatus.Leave : CompletionStatus.Done, cancellationToken);
        }
    }
}
