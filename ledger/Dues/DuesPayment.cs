namespace PartyAffairs.Ledger.Dues;

/// <summary>Dues paid for one month.</summary>
/// <param name="Month">The month paid for (YYYY-MM).</param>
/// <param name="Amount">Amount (元).</param>
/// <param name="PaidOn">When it was paid.</param>
/// <param name="BatchId">The payment it belongs to (several months paid at once share it; undo removes the batch).</param>
public sealed record DuesPayment(string Month, decimal Amount, DateOnly PaidOn, string BatchId);
