namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>The fact a question asks for, where its question words stand, and for a count the measure word asked (字, 项 …).</summary>
/// <param name="Fact">The kind of fact.</param>
/// <param name="At">Where the question words start in the normalized question; -1 when it asks for no fact.</param>
/// <param name="Unit">For <see cref="AskedFact.Count"/>, the measure word asked; else null.</param>
internal readonly record struct AskedQuestion(AskedFact Fact, int At, string? Unit = null);
