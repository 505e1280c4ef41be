namespace PartyAffairs.Knowledge.Vocabulary;

/// <summary>A kind of duty (主题党日, 党费, 支部委员会 …): how the documents write it and how members name it.</summary>
public sealed record DutyKindTerm
{
    /// <summary>The canonical name, as <see cref="Duty.Kind"/> reports it.</summary>
    public required string Name { get; init; }

    /// <summary>A regular expression matching the documents' phrasings of the kind.</summary>
    public required string Phrasing { get; init; }

    /// <summary>
    /// True for a kind <see cref="Duty.Kind"/> reports; false for a generic activity (听取汇报, 检查考核 …) that the
    /// classifier knows only so that a duty naming one is not given the kind of a meeting mentioned nearby.
    /// </summary>
    public bool Reported { get; init; }

    /// <summary>True for a topic that names the kind of every duty of the passage it governs (意识形态, 中心组).</summary>
    public bool GovernsPassage { get; init; }

    /// <summary>A short title for members (参加主题党日); set for the kinds the scheduler tracks, else null.</summary>
    public string? Title { get; init; }

    /// <summary>Other names members type for the kind (党日, 交党费, 支委会 …).</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>The name the scheduler tracks the kind under when it differs (集中学习 is tracked as 学时), else null.</summary>
    public string? TrackedAs { get; init; }

    /// <summary>True for a kind the scheduler tracks and reminds about.</summary>
    public bool IsTracked => Title is not null;
}
