namespace PartyAffairs.Knowledge.Corpus;

/// <summary>The documents and clauses loaded from a corpus directory, and the files that were rejected.</summary>
public sealed record CorpusLoadResult
{
    /// <summary>Every document that loaded, ordered by id.</summary>
    public required IReadOnlyList<ParsedDocument> Parsed { get; init; }

    /// <summary>Files that were rejected, with the reason.</summary>
    public IReadOnlyList<CorpusError> Errors { get; init; } = [];

    /// <summary>The documents that loaded.</summary>
    public IReadOnlyList<SourceDocument> Documents => [.. Parsed.Select(p => p.Document)];

    /// <summary>All clauses of all loaded documents, document by document in reading order.</summary>
    public IReadOnlyList<Clause> Clauses => [.. Parsed.SelectMany(p => p.Clauses)];
}
