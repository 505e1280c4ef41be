namespace PartyAffairs.Scheduler.Planning;

/// <summary>The rule a reminder cites: a clause of a binding document (document, its title, clause id, summary) or a national baseline.</summary>
public sealed record RuleSource
{
    /// <summary>A clause, or which national baseline.</summary>
    public required RuleSourceKind Kind { get; init; }

    /// <summary>The document id (000 …) of a clause; null for a baseline.</summary>
    public string? Document { get; init; }

    /// <summary>The document's title as the corpus names it; null for a baseline or a document the corpus does not list.</summary>
    public string? DocumentTitle { get; init; }

    /// <summary>
    /// The title of the clause's own list in a document of several lists (001 §4: the 党支部书记 list), which a reminder
    /// cites instead of the document's title; null where the document is one list.
    /// </summary>
    public string? ListTitle { get; init; }

    /// <summary>The clause id (一.(三).4 …); null for a baseline.</summary>
    public string? ClauseId { get; init; }

    /// <summary>The rule as the knowledge base summarises it; null for a baseline.</summary>
    public string? Summary { get; init; }

    /// <summary>The national baseline for a duty no binding document sets.</summary>
    public static RuleSource NationalBaseline { get; } = new() { Kind = RuleSourceKind.NationalBaseline };

    /// <summary>The national dues rules, when no binding document sets the dues.</summary>
    public static RuleSource DuesRegulations { get; } = new() { Kind = RuleSourceKind.DuesRegulations };
}
