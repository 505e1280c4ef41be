namespace PartyAffairs.Knowledge;

/// <summary>An obligation with a frequency, quota or deadline, extracted from a clause.</summary>
public sealed record Duty
{
    /// <summary>Stable id: document, clause and position within the clause.</summary>
    public required string Id { get; init; }

    /// <summary>The owning document's id.</summary>
    public required string Document { get; init; }

    /// <summary>The clause the duty comes from.</summary>
    public required string ClauseId { get; init; }

    /// <summary>The clause text that sets the duty.</summary>
    public required string Text { get; init; }

    /// <summary>Who must do it (党支部, 党支部书记, 党员 …), where known.</summary>
    public string? Actor { get; init; }

    /// <summary>Canonical duty name (主题党日, 党费, 支部委员会 …), where one applies.</summary>
    public string? Kind { get; init; }

    /// <summary>A short Chinese statement of the duty.</summary>
    public required string Summary { get; init; }

    /// <summary>ISO 8601 period: P1W, P1M, P2M, P3M, P6M, P1Y; P30D and the like for limits counted from an event.</summary>
    public required string Period { get; init; }

    /// <summary>Minimum number of times per period; null for quotas.</summary>
    public int? Count { get; init; }

    /// <summary>Amount per period (32 学时), else null.</summary>
    public DutyQuota? Quota { get; init; }

    /// <summary>When in the period it happens (Q4, H1, M12 …), else null.</summary>
    public string? Window { get; init; }

    /// <summary>Fixed date within the period as --MM-DD, else null.</summary>
    public string? Deadline { get; init; }

    /// <summary>
    /// The title of the list the clause belongs to in a document holding several lists (001 §4 is the 党支部书记 list);
    /// null where the document is one list. For citations; not part of the duties API.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ListTitle { get; init; }
}
