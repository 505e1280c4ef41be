using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Knowledge.Duties;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// “我的待办” (and 我的代办, 这个月要做什么 …): the member's duties in their current periods with due dates — the themed day
/// with its date, time and place from the branch's settings — and one-tap confirmations of the open ones.
/// </summary>
internal sealed class MyDutiesCommand(DutyTracker duties, DutyLines lines, BranchFacts facts) : IChatCommand
{
    public string Name => "my-duties";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.MyDuties;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        var settingsRead = facts.SettingsAsync(member.BranchId, cancellationToken);
        var today = context.Input.Context.Today;
        var statuses = await duties.ForMemberAsync(member, today, cancellationToken);
        var settings = await settingsRead;
        if (statuses.Count == 0)
        {
            await context.SendAsync(Replies.NoDuties, cancellationToken, Replies.ActionHelp);
            return;
        }

        string Line(DutyStatus status)
        {
            var line = lines.Line(status, today);
            if (status.Duty.Kind == DutyKinds.ThemedPartyDay && settings.ThemedDay is { } rule)
            {
                var day = rule.DatesIn(status.Period.Start.Year, status.Period.Start.Month).FirstOrDefault(status.Period.Contains);
                if (day != default)
                {
                    line += Replies.ThemedDayDetail(day, rule.Time, rule.Place);
                }
            }

            return line;
        }

        var buttons = statuses.Where(s => s.Record is null).Take(3).Select(s => Replies.ConfirmPhrase(s.Duty.Kind)).ToArray();
        await context.SendAsync(Replies.MyDutiesHeader(member.Name) + "\n" + string.Join('\n', statuses.Select(Line)), cancellationToken, buttons);
    }
}
