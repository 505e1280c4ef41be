namespace PartyAffairs.Ledger.Storage;

/// <summary>One change of a record (table <c>record_audit</c>): who, when, what, with the record before and after as JSON.</summary>
internal sealed class RecordAuditRow
{
    public long Id { get; set; }

    public long RecordId { get; set; }

    public required string BranchId { get; set; }

    /// <summary>created, updated, deleted or confirmed.</summary>
    public required string Action { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
