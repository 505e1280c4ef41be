namespace PartyAffairs.Knowledge;

/// <summary>One document of the corpus and what its heading says about it.</summary>
public sealed record SourceDocument
{
    /// <summary>Short stable id, from the file name's leading number ("000").</summary>
    public required string Id { get; init; }

    /// <summary>The document's title.</summary>
    public required string Title { get; init; }

    /// <summary>The issuing body, where the document names it (for example 丹阳市委).</summary>
    public string? Issuer { get; init; }

    /// <summary>The document number, where present (for example 丹发〔2020〕38号).</summary>
    public string? Number { get; init; }

    /// <summary>The date of issue, where present.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Place names the document belongs to (无锡, 惠山 …), used when a question names a place.</summary>
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>The file it was read from, relative to the corpus directory.</summary>
    public required string FileName { get; init; }
}
