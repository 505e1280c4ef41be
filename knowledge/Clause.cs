namespace PartyAffairs.Knowledge;

/// <summary>A citable unit of a document: a numbered item, a table cell item, or one sentence of a long paragraph.</summary>
public sealed record Clause
{
    /// <summary>The owning document's id ("000").</summary>
    public required string DocumentId { get; init; }

    /// <summary>Stable, readable id within the document: the heading path, for example "一.(三).4"; "#2" marks the second sentence of a long unit.</summary>
    public required string Id { get; init; }

    /// <summary>The clause text exactly as the document has it.</summary>
    public required string Text { get; init; }

    /// <summary>Headings above the clause, outermost first, as written.</summary>
    public IReadOnlyList<string> HeadingPath { get; init; } = [];

    /// <summary>
    /// In a document holding several lists (001 has four), the title of the list the clause belongs to, as written
    /// ("机关党委书记推进党建工作责任清单"); null in a document holding one.
    /// </summary>
    public string? ListTitle { get; init; }

    /// <summary>Organisation levels and roles the clause applies to (党支部, 党支部书记, 党员 …); the section's own roles first.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>What kind of unit the clause is.</summary>
    public ClauseKind Kind { get; init; } = ClauseKind.Item;

    /// <summary>For a sentence of a long unit: the id of that unit (without the sentence suffix); otherwise null.</summary>
    public string? ParentId { get; init; }

    /// <summary>The 1-based line of the document the clause starts on.</summary>
    public int Line { get; init; }

    /// <summary>Position of the clause within its document, 0-based, in reading order.</summary>
    public int Ordinal { get; init; }
}
