namespace PartyAffairs.Scheduler.Delivery;

/// <summary>The content of one reminder: text (what, when, where, which rule) and its buttons.</summary>
public sealed record ReminderMessage
{
    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>Buttons (已完成, 请假); empty for notices.</summary>
    public IReadOnlyList<ReminderAction> Actions { get; init; } = [];
}
