namespace PartyAffairs.Knowledge;

/// <summary>The knowledge base's answer to a question.</summary>
public sealed record KnowledgeAnswer
{
    /// <summary>False when the question is outside party-affairs duties.</summary>
    public required bool Answered { get; init; }

    /// <summary>
    /// True when the question is about party-affairs duties but the documents do not state the asked fact (a number, a
    /// length, a term, an amount); <see cref="Answered"/> is then false and <see cref="Sources"/> lists the nearest related clauses.
    /// </summary>
    public bool NotStated { get; init; }

    /// <summary>The answer in Simplified Chinese: the requirement first, then its source.</summary>
    public required string Answer { get; init; }

    /// <summary>Supporting clauses, best first.</summary>
    public IReadOnlyList<AnswerSource> Sources { get; init; } = [];

    /// <summary>Questions the user may have meant, when the question was ambiguous.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];
}
