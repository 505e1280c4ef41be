namespace PartyAffairs.Ledger.Records;

/// <summary>The result of creating, changing or deleting a record.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Record">The record as saved (null when deleted or refused).</param>
/// <param name="Errors">Why it was refused, one entry per problem (each unknown person named).</param>
public sealed record RecordOutcome(RecordStatus Status, MeetingRecord? Record, IReadOnlyList<string> Errors)
{
    /// <summary>The errors as one sentence (未保存：…；…。).</summary>
    public string Message => LedgerTexts.Summary(Errors);

    internal static RecordOutcome Saved(MeetingRecord? record) => new(RecordStatus.Saved, record, []);

    internal static RecordOutcome Invalid(IReadOnlyList<string> errors) => new(RecordStatus.Invalid, null, errors);

    internal static readonly RecordOutcome NoBranch = new(RecordStatus.BranchNotFound, null, []);

    internal static readonly RecordOutcome NoRecord = new(RecordStatus.RecordNotFound, null, []);

    internal static readonly RecordOutcome NoMember = new(RecordStatus.MemberNotFound, null, []);
}
