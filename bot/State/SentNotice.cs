namespace PartyAffairs.Bot.State;

/// <summary>A notice a secretary broadcast, as logged for the branch.</summary>
public sealed record SentNotice
{
    /// <summary>The pending step's id, unique per notice.</summary>
    public required string Id { get; init; }

    /// <summary>Who sent it.</summary>
    public required string SenderId { get; init; }

    /// <summary>The sender's name (the ledger keeps it with the notice).</summary>
    public string? SenderName { get; init; }

    /// <summary>The notice text.</summary>
    public required string Text { get; init; }

    /// <summary>When it was sent.</summary>
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>How many recipients it reached.</summary>
    public required int Delivered { get; init; }

    /// <summary>How many recipients it was meant for.</summary>
    public required int Recipients { get; init; }
}
