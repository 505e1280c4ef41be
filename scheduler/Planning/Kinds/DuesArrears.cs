namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>
/// The arrears ladder, checked with the month's first dues reminder: at fan-out it becomes an <see cref="ArrearsNudge"/>
/// to each member at a member step and an <see cref="ArrearsReport"/> to the secretaries at a report step.
/// </summary>
public sealed record DuesArrears : ReminderKind
{
    /// <inheritdoc />
    public override string Key => "arrears";
}
