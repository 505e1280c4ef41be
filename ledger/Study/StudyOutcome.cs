namespace PartyAffairs.Ledger.Study;

/// <summary>The result of adding or removing a study entry.</summary>
/// <param name="Status">What happened.</param>
/// <param name="EntryId">The entry added or removed.</param>
/// <param name="Summary">The member's year after the change.</param>
/// <param name="Errors">Why it was refused.</param>
public sealed record StudyOutcome(Records.RecordStatus Status, long? EntryId, StudySummary? Summary, IReadOnlyList<string> Errors)
{
    /// <summary>The errors as one sentence (未保存：…；…。).</summary>
    public string Message => LedgerTexts.Summary(Errors);
}
