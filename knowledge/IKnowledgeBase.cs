namespace PartyAffairs.Knowledge;

/// <summary>Answers questions about party-affairs duties and lists the duties of the corpus.</summary>
public interface IKnowledgeBase
{
    /// <summary>The documents of the corpus.</summary>
    IReadOnlyList<SourceDocument> Documents { get; }

    /// <summary>Every duty with a frequency, quota or deadline, one entry per duty.</summary>
    IReadOnlyList<Duty> Duties { get; }

    /// <summary>
    /// Answers a question. A member's <paramref name="role"/> (党员, 党支部书记, 组织委员 …) re-ranks, never filters: it
    /// makes the member the subject of a question that names nobody, breaks a tie, and may add the rule written for that
    /// role as a second line; it never removes the clause that answers the question.
    /// </summary>
    KnowledgeAnswer Ask(string question, string? role = null);
}
