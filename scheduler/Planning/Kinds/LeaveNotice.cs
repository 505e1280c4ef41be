namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>A member asked for leave from a duty's occurrence: the secretaries are told.</summary>
/// <param name="MemberId">The member; part of the key.</param>
/// <param name="MemberName">The member's name (the id when the roster no longer has them).</param>
public sealed record LeaveNotice(string MemberId, string MemberName) : ReminderKind
{
    /// <inheritdoc />
    public override string Key => $"leave-{MemberId}";
}
