namespace PartyAffairs.Knowledge.Corpus;

/// <summary>What the parser made of one document: its metadata, its clauses, and the lines it set aside.</summary>
public sealed record ParsedDocument
{
    /// <summary>The document and its metadata.</summary>
    public required SourceDocument Document { get; init; }

    /// <summary>The document's clauses in reading order.</summary>
    public required IReadOnlyList<Clause> Clauses { get; init; }

    /// <summary>Non-blank lines that became neither metadata nor a clause (form fields, empty table rows …).</summary>
    public IReadOnlyList<SkippedLine> Skipped { get; init; } = [];
}
