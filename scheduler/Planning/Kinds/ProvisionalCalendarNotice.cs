namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>
/// A coming (or current) year has no State Council holiday notice yet: its days off are computed from the law and 调休 is
/// unknown. The secretaries are told on 1 December before it and again on its first working day.
/// </summary>
/// <param name="Year">The provisional year.</param>
/// <param name="YearStarted">False for the December notice, true for the one on the year's first working day; part of the key.</param>
public sealed record ProvisionalCalendarNotice(int Year, bool YearStarted) : ReminderKind
{
    /// <summary>
    /// What the notice is about, in the place of the duty kinds of its occurrence id (<c>{branch}:节假日数据:2027:calendar-missing</c>):
    /// data of the id, kept as it always was.
    /// </summary>
    public const string Subject = "节假日数据";

    /// <inheritdoc />
    public override string Key => YearStarted ? "calendar-missing-jan" : "calendar-missing";
}
