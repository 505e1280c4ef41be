namespace PartyAffairs.Ledger.Storage;

/// <summary>A notice a branch's secretary sent (table <c>notices</c>): who, what, when, and how delivery ended.</summary>
internal sealed class NoticeRow
{
    public long Id { get; set; }

    /// <summary>The sender's own id for the notice (the chat step's or the console round's), unique.</summary>
    public required string NoticeKey { get; set; }

    public required string BranchId { get; set; }

    public required string SenderId { get; set; }

    public required string SenderName { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset SentAt { get; set; }

    /// <summary>Members addressed.</summary>
    public int Recipients { get; set; }

    /// <summary>Delivered, unbound and failed counts: null until the round has finished.</summary>
    public int? Delivered { get; set; }

    public int? Unbound { get; set; }

    public int? Failed { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public List<NoticeRecipientRow> RecipientRows { get; set; } = [];
}
