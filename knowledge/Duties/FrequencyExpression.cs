namespace PartyAffairs.Knowledge.Duties;

/// <summary>
/// One frequency, quota, deadline or time limit found in a sentence, with where its parts sit in that sentence so a caller
/// can find what it applies to (positions are offsets into the parsed text; -1 where a part is absent).
/// </summary>
public sealed record FrequencyExpression
{
    /// <summary>ISO 8601 period (P1W, P1M, P2M, P3M, P6M, P1Y; P30D and the like for limits counted from an event).</summary>
    public required string Period { get; init; }

    /// <summary>The words that set the period, as written (每两个月, 全年, 按月, 30日内 …).</summary>
    public required string PeriodText { get; init; }

    /// <summary>Minimum times per period; null for a quota.</summary>
    public int? Count { get; init; }

    /// <summary>The upper end of a range such as 1—2次, else null.</summary>
    public int? CountMax { get; init; }

    /// <summary>An amount per period such as 32 学时, else null.</summary>
    public DutyQuota? Quota { get; init; }

    /// <summary>How firmly the count or quota is stated.</summary>
    public CountQualifiers Qualifiers { get; init; }

    /// <summary>When in the period (Q4, H1, M12 …), else null.</summary>
    public string? Window { get; init; }

    /// <summary>Fixed date within the period as --MM-DD, else null.</summary>
    public string? Deadline { get; init; }

    /// <summary>True for a limit counted from an event (处分决定生效之日起30日内).</summary>
    public bool IsEventLimit { get; init; }

    /// <summary>True when the text names a period but no count, so the count of 1 is implied (每月必须按规定交纳党费).</summary>
    public bool IsImplicitCount { get; init; }

    /// <summary>Where the expression's main token (count, quota, limit, deadline, or the period when the count is implied) starts.</summary>
    public int AnchorStart { get; init; }

    /// <summary>Where the main token ends.</summary>
    public int AnchorEnd { get; init; }

    /// <summary>Where the period words start, or -1 when the expression has none of its own.</summary>
    public int PeriodStart { get; init; } = -1;

    /// <summary>Where the period words end, or -1.</summary>
    public int PeriodEnd { get; init; } = -1;

    /// <summary>Start of the words after the count that name what is counted ("1次<u>支部委员会</u>").</summary>
    public int ObjectStart { get; init; }

    /// <summary>End of those words (exclusive); equal to <see cref="ObjectStart"/> when the count comes last.</summary>
    public int ObjectEnd { get; init; }

    /// <summary>Start of the comma-delimited chunk holding the anchor.</summary>
    public int ChunkStart { get; init; }

    /// <summary>Start of the span of text this expression alone covers (the chunk, or after the previous expression's object).</summary>
    public int SpanStart { get; init; }

    /// <summary>Start of the semicolon-delimited part holding the anchor.</summary>
    public int PartStart { get; init; }
}
