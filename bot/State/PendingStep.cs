namespace PartyAffairs.Bot.State;

/// <summary>A step waiting for the user's 确认 or 取消, such as a notice about to be broadcast.</summary>
public sealed record PendingStep
{
    /// <summary>What is pending; see <see cref="PendingKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Unique id of this step (the activity that created it).</summary>
    public required string Id { get; init; }

    /// <summary>The member who started it.</summary>
    public required string MemberId { get; init; }

    /// <summary>The branch it concerns.</summary>
    public required string BranchId { get; init; }

    /// <summary>The text to act on (the notice).</summary>
    public string? Text { get; init; }

    /// <summary>How many people it would reach, as shown in the preview.</summary>
    public int RecipientCount { get; init; }

    /// <summary>When it stops being confirmable.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
