namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>What the retriever made of a question.</summary>
public sealed record RetrievalResult
{
    /// <summary>False when the question is outside what the corpus covers.</summary>
    public required bool InScope { get; init; }

    /// <summary>
    /// The kind of fact the question asks for when no clause states it (the documents do not say); <see cref="Hits"/> are
    /// then the nearest related rules. <see cref="AskedFact.None"/> otherwise.
    /// </summary>
    public AskedFact NotStated { get; init; }

    /// <summary>Clauses, best first (empty when out of scope).</summary>
    public IReadOnlyList<RetrievalHit> Hits { get; init; } = [];

    /// <summary>For each other document, its best clause on the same topic as the first hit (candidates for differing rules).</summary>
    public IReadOnlyList<RetrievalHit> OtherDocuments { get; init; } = [];

    /// <summary>For a member with a role: the best rule written for that role on the answer's topic, when the answer is written for someone else; else null.</summary>
    public RetrievalHit? RoleRule { get; init; }

    /// <summary>The role <see cref="RoleRule"/> is written for, as the member's role was given.</summary>
    public string? Role { get; init; }

    /// <summary>The topics the question names.</summary>
    public IReadOnlyList<string> Concepts { get; init; } = [];

    /// <summary>What the question asks for.</summary>
    public QueryIntent Intent { get; init; }

    /// <summary>True when several topics fit about equally well.</summary>
    public bool Ambiguous { get; init; }

    /// <summary>Example questions about the topics the question may have meant.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];
}
