namespace PartyAffairs.Scheduler.Delivery;

/// <summary>One send: a message to one member through their channel, under its idempotency key.</summary>
public sealed record ReminderDelivery
{
    /// <summary>The branch.</summary>
    public required string BranchId { get; init; }

    /// <summary>The member.</summary>
    public required string MemberId { get; init; }

    /// <summary>The channel expected to carry it (for rate limiting).</summary>
    public required string ChannelId { get; init; }

    /// <summary>The idempotency key (branch, duties, period, reminder kind, member); channels may pass it on as a message id.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The content.</summary>
    public required ReminderMessage Message { get; init; }

    /// <summary>The occurrences the message carries: its own for a single reminder, each line's for a digest.</summary>
    public IReadOnlyList<string> Occurrences { get; init; } = [];
}
