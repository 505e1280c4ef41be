using System.Globalization;

namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>The secretaries are told who has not confirmed dues for <paramref name="Months"/> consecutive months.</summary>
/// <param name="Months">Consecutive months without a dues record (a step of the ladder: 3, 5).</param>
/// <param name="Names">The members' names, in roster order.</param>
public sealed record ArrearsReport(int Months, IReadOnlyList<string> Names) : ReminderKind
{
    /// <inheritdoc />
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"arrears-report-{Months}");
}
