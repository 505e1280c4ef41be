namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>The 考察 of one 预备党员 (<paramref name="MemberId"/>, <paramref name="Name"/>), told to the 入党介绍人 and the secretaries.</summary>
public sealed record ProbationReview(string MemberId, string Name, bool Extended) : ReminderKind
{
    /// <inheritdoc />
    public override string Key => (Extended ? "review-extended-" : "review-") + MemberId;
}
