namespace PartyAffairs.Knowledge.Corpus;

/// <summary>A corpus file that could not be loaded.</summary>
/// <param name="FileName">The file, relative to the corpus directory.</param>
/// <param name="Reason">Why it was rejected, in Chinese for operators.</param>
public sealed record CorpusError(string FileName, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{FileName}: {Reason}";
}
