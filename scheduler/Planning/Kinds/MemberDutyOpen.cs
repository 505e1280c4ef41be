namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>A members' duty (党小组会, 学时 …) opens for its period: each member it applies to is told what to do by when.</summary>
public sealed record MemberDutyOpen : ReminderKind
{
    /// <inheritdoc />
    public override string Key => "member-open";
}
