namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>
/// 预备党员考察 is due in the period (quarterly, or every two months when <paramref name="Extended"/>); at fan-out it becomes one
/// <see cref="ProbationReview"/> per 预备党员 whose probation the period covers, sent to their 入党介绍人 and the secretaries.
/// </summary>
public sealed record ProbationReviewDue(bool Extended) : ReminderKind
{
    /// <inheritdoc />
    public override string Key => Extended ? "review-extended" : "review";
}
