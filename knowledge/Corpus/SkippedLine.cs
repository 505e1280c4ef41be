namespace PartyAffairs.Knowledge.Corpus;

/// <summary>A non-blank line of a document that the parser did not turn into a clause, and why.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Text">The line as written.</param>
/// <param name="Reason">Why it was set aside.</param>
public sealed record SkippedLine(int Line, string Text, string Reason);
