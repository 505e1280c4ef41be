namespace PartyAffairs.Ledger.Study;

/// <summary>A member's study hours in a year against the quota: “已完成 12/32 学时（依据…）”.</summary>
public sealed record StudySummary
{
    /// <summary>Member id.</summary>
    public required string MemberId { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>Role.</summary>
    public required string Role { get; init; }

    /// <summary>The year.</summary>
    public required int Year { get; init; }

    /// <summary>Hours so far.</summary>
    public required decimal Hours { get; init; }

    /// <summary>The quota and its source.</summary>
    public required StudyQuota Quota { get; init; }

    /// <summary>Where the hours come from, oldest first.</summary>
    public required IReadOnlyList<StudySource> Sources { get; init; }

    /// <summary>Hours still to do (0 once the quota is met).</summary>
    public decimal Remaining => Math.Max(0, Quota.Hours - Hours);
}
