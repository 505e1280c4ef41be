namespace PartyAffairs.Ledger.Dues;

/// <summary>The result of setting an assessment or recording or undoing a payment.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Account">The member's dues after the operation (when saved).</param>
/// <param name="Assessment">The assessment just set, when one was.</param>
/// <param name="Payments">The months just recorded or removed.</param>
/// <param name="Errors">Why it was refused.</param>
public sealed record DuesOutcome(DuesStatus Status, DuesAccount? Account, DuesProfile? Assessment, IReadOnlyList<DuesPayment> Payments, IReadOnlyList<string> Errors)
{
    /// <summary>The errors as one sentence (未保存：…；…。).</summary>
    public string Message => LedgerTexts.Summary(Errors);

    internal static DuesOutcome Of(DuesStatus status, params string[] errors) => new(status, null, null, [], errors);
}
