namespace PartyAffairs.Ledger.Study;

/// <summary>A member's own study (“学习 2学时 党的二十大报告”).</summary>
public sealed record StudyEntryInput
{
    /// <summary>Hours (more than 0, at most 24).</summary>
    public decimal Hours { get; init; }

    /// <summary>What was studied, or the source.</summary>
    public string? Topic { get; init; }

    /// <summary>When (YYYY-MM-DD); default today.</summary>
    public string? Date { get; init; }
}
