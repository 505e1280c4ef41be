namespace PartyAffairs.Ledger.Dues;

/// <summary>A member's dues: the assessment in force, its history, and the payments of a year.</summary>
public sealed record DuesAccount
{
    /// <summary>Member id.</summary>
    public required string MemberId { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>The latest assessment, or null when none was set.</summary>
    public DuesProfile? Current { get; init; }

    /// <summary>Every assessment, newest first.</summary>
    public required IReadOnlyList<DuesProfile> History { get; init; }

    /// <summary>Payments for months of the year asked, by month.</summary>
    public required IReadOnlyList<DuesPayment> Payments { get; init; }
}
