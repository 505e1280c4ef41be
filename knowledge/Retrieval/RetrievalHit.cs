namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>A clause found for a question, with its document and score.</summary>
/// <param name="Clause">The clause.</param>
/// <param name="Document">The clause's document.</param>
/// <param name="Score">Relevance after re-ranking; higher is better.</param>
/// <param name="Concepts">Names of the question's topics that the clause shares.</param>
public sealed record RetrievalHit(Clause Clause, SourceDocument Document, double Score, IReadOnlyList<string> Concepts);
