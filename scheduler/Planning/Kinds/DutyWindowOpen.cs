using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>
/// A branch duty's window opens (组织生活会 in Q4, a fixed deadline's quarter, or a period needing several occurrences):
/// the secretaries are told what is due by when.
/// </summary>
/// <param name="Window">The unit the window is named by (a quarter for Q4 of a yearly duty; else the duty's own period unit).</param>
public sealed record DutyWindowOpen(PeriodUnit Window) : ReminderKind
{
    /// <inheritdoc />
    public override string Key => "open";
}
