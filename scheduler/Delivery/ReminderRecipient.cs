namespace PartyAffairs.Scheduler.Delivery;

/// <summary>A branch member as the scheduler needs them: who, which role, and which channel reaches them.</summary>
public sealed record ReminderRecipient
{
    /// <summary>Member id.</summary>
    public required string MemberId { get; init; }

    /// <summary>Display name (used in the secretary's arrears and leave notices).</summary>
    public required string Name { get; init; }

    /// <summary>Roster role (党员, 党支部书记, 副书记 …).</summary>
    public required string Role { get; init; }

    /// <summary>The channel of the member's preferred conversation; null when the member has never written to the bot.</summary>
    public string? ChannelId { get; init; }

    /// <summary>The first day the member counts for dues arrears (joining the roster); null: always.</summary>
    public DateOnly? Since { get; init; }
}
