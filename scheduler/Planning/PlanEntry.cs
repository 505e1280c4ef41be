using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Scheduler.Planning;

/// <summary>One message of a branch's plan as it would be sent: when, about which duties and periods, its text, to whom, and the rules cited.</summary>
public sealed record PlanEntry
{
    /// <summary>When it is sent (the slot's first due time, in the branch's zone).</summary>
    public required DateTimeOffset SendAt { get; init; }

    /// <summary>The reminders it holds (one, or the lines of a digest).</summary>
    public required IReadOnlyList<PlannedReminder> Reminders { get; init; }

    /// <summary>The message exactly as sent.</summary>
    public required ReminderMessage Message { get; init; }

    /// <summary>Who receives it.</summary>
    public required IReadOnlyList<ReminderRecipient> Recipients { get; init; }

    /// <summary>The rules cited, duplicates removed.</summary>
    public IReadOnlyList<RuleSource> Sources => [.. Reminders.SelectMany(r => r.Sources).Distinct()];
}
