namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>The first dues day of the month: every member who has not confirmed is asked to pay the month's dues.</summary>
public sealed record DuesStart : ReminderKind
{
    /// <inheritdoc />
    public override string Key => "dues";
}
