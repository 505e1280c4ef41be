using System.Globalization;
using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Planning.Kinds;

namespace PartyAffairs.Bot.Reminders;

/// <summary>
/// The plan API's view of a plan entry (docs/scheduler.md, "Plan API"): one message as it would be sent. Built from
/// <see cref="ReminderPlanPreview"/>, so the web console and the API show the same plan.
/// </summary>
internal sealed record ReminderPlanView(
    string SendAt,
    string Duty,
    string Period,
    string Text,
    IReadOnlyList<ReminderPlanView.Recipient> Recipients,
    IReadOnlyList<ReminderPlanView.Source> Sources)
{
    /// <summary>Someone the message goes to.</summary>
    public sealed record Recipient(string MemberId, string Name, string Role);

    /// <summary>A rule cited: a document's clause, or the national baseline named as the source with an empty clause.</summary>
    public sealed record Source(string Document, string DocumentTitle, string ClauseId);

    /// <summary>The view of <paramref name="entry"/>.</summary>
    public static ReminderPlanView Of(PlanEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ReminderPlanView(
            entry.SendAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            string.Join("、", entry.Reminders.Select(DutyName).Distinct(StringComparer.Ordinal)),
            string.Join("、", entry.Reminders.Select(r => r.PeriodKey).Distinct(StringComparer.Ordinal)),
            entry.Message.Text,
            [.. entry.Recipients.Select(r => new Recipient(r.MemberId, r.Name, r.Role))],
            [.. entry.Sources.Select(SourceOf).Distinct()]);
    }

    /// <summary>The short name of what a reminder is about: 主题党日, 交纳党费, 党课, 年度工作计划 …</summary>
    public static string DutyName(PlannedReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return reminder.ReminderKind switch
        {
            ThemedDayLead or ThemedDayOff => ReminderTexts.ThemedDayTitle,
            ProvisionalCalendarNotice => ReminderTexts.CalendarNoticeTitle,
            _ => string.Join("、", reminder.Kinds.Select(k => k == DutyKinds.MembershipDues ? (reminder.Titles.Count > 0 ? reminder.Titles[0] : k) : k)),
        };
    }

    private static Source SourceOf(RuleSource source) => source.Kind switch
    {
        RuleSourceKind.NationalBaseline => new Source(ReminderTexts.BaselineDocument, ReminderTexts.BaselineDocument, string.Empty),
        RuleSourceKind.DuesRegulations => new Source(ReminderTexts.DuesDocument, ReminderTexts.DuesDocumentTitle, ReminderTexts.DuesClause),
        _ => new Source(source.Document ?? string.Empty, source.DocumentTitle ?? string.Empty, source.ClauseId ?? string.Empty),
    };
}
