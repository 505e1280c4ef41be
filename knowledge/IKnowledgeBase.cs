namespace PartyAffairs.Knowledge;

/// <summary>Answers questions about party-affairs duties and lists the duties of the corpus.</summary>
public interface IKnowledgeBase
{
    /// <summary>The documents of the corpus.</summary>
    IReadOnlyList<SourceDocument> Documents { get; }

    /// <summary>Every duty with a frequency, quota or deadline, one entry per duty.</summary>
    IReadOnlyList<Duty> Duties { get; }

    /// <summary>Answers a question, optionally narrowed to one role (for example 党支部书记).</summary>
    KnowledgeAnswer Ask(string question, string? role = null);
}
