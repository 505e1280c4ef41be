using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Knowledge;
using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// Questions about the branch's own schedule (“主题党日是哪天”, “下次主题党日是什么时候”, “党费每月什么时候交”, “下次开会什么时候”):
/// answered from the branch's settings, the working calendar and the member's records first — the themed day's rule, next
/// date, weekday, time and place (a day off named with the nearest working days), the dues days and this month's status,
/// the period and deadline of a meeting without a fixed day — with the rule from the knowledge base as a cited second line.
/// Unbound users get the rule and a hint to bind.
/// </summary>
internal sealed class BranchScheduleCommand(BranchFacts facts, DutyTracker duties, IKnowledgeBase knowledge) : IChatCommand
{
    public string Name => "branch-schedule";

    public RequiredRole RequiredRole => RequiredRole.Anyone;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.BranchSchedule;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.Member;
        var rule = knowledge.Ask(context.Input.Text, member?.Role);
        var ruleLine = rule.Answered ? Replies.RuleLine(rule.Answer) : null;
        if (member is null)
        {
            await context.SendAsync(rule.Answer + "\n" + Replies.BindHint, cancellationToken, Replies.ActionHelp);
            return;
        }

        var today = context.Input.Context.Today;
        var settings = await facts.SettingsAsync(member.BranchId, cancellationToken);
        var named = context.Input.Intent.Entities.Duties;
        var kind = named.Count > 0 ? named[0] : DutyKinds.ThemedPartyDay;
        var fact = kind switch
        {
            DutyKinds.ThemedPartyDay => await ThemedDayAsync(member, settings, context.Input.Intent.Entities.Date ?? today, cancellationToken),
            DutyKinds.MembershipDues => await DuesAsync(member, settings, today, cancellationToken),
            _ => await MeetingAsync(member, kind, today, cancellationToken),
        };
        var text = ruleLine is null ? fact : fact + "\n" + ruleLine;
        await context.SendAsync(text, cancellationToken, Replies.ActionMyDuties);
    }

    private async Task<string> ThemedDayAsync(State.Member member, BranchReminderSettings settings, DateOnly from, CancellationToken cancellationToken)
    {
        if (settings.ThemedDay is not { } themed)
        {
            return Replies.NoThemedDaySet;
        }

        var next = BranchFacts.NextThemedDay(themed, from);
        var text = Replies.ThemedDay(Describe(themed), themed.Place, next, themed.Time);
        if (next is { } day && facts.Calendar is { } calendar && calendar.IsDayOff(day))
        {
            var (before, after) = calendar.NearestWorkingDays(day);
            text += Replies.ThemedDayOff(calendar.HolidayName(day), before, after);
            if (calendar.HolidayName(day) is not null && calendar.IsProvisional(day.Year))
            {
                text += Replies.ProvisionalYear(day.Year);
            }
        }

        if (duties.Find(DutyKinds.ThemedPartyDay) is { } duty && duties.AppliesTo(duty, member.Role))
        {
            var record = await duties.GetAsync(member, duty, DutyTracker.PeriodOn(duty, from), cancellationToken);
            text += Replies.ThemedDayStatus(record?.Status == CompletionStatus.Done, record?.Status == CompletionStatus.Leave);
        }

        return text;
    }

    private async Task<string> DuesAsync(State.Member member, BranchReminderSettings settings, DateOnly today, CancellationToken cancellationToken)
    {
        bool? paid = null;
        if (duties.Find(DutyKinds.MembershipDues) is { } duty && duties.AppliesTo(duty, member.Role))
        {
            paid = (await duties.GetAsync(member, duty, DutyTracker.PeriodOn(duty, today), cancellationToken))?.Status == CompletionStatus.Done;
        }

        return Replies.Dues(settings.DuesDays, paid);
    }

    private async Task<string> MeetingAsync(State.Member member, string kind, DateOnly today, CancellationToken cancellationToken)
    {
        if (duties.Find(kind) is not { } duty)
        {
            return Replies.UnknownDuty;
        }

        var period = DutyTracker.PeriodOn(duty, today);
        bool? done = null;
        if (duties.AppliesTo(duty, member.Role))
        {
            var record = await duties.GetAsync(member, duty, period, cancellationToken);
            done = record?.Status is CompletionStatus.Done or CompletionStatus.Leave;
        }

        return Replies.Meeting(duty.Title, period.Key, DutyTracker.DueDate(duty, period), done);
    }

    /// <summary>The rule without time and place: 每月第一个星期五.</summary>
    private static string Describe(ThemedDayRule rule)
    {
        var described = ReminderTexts.Describe(rule with { Place = null });
        var space = described.LastIndexOf(' ');
        return space > 0 ? described[..space] : described;
    }
}
