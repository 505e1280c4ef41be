using PartyAffairs.Scheduler.Planning;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>One message of a send slot as it is queued: the occurrence (a single reminder or a person's digest), who receives it, and the reminders it holds.</summary>
public sealed record ComposedMessage(OccurrenceRecord Record, IReadOnlyList<ReminderRecipient> Recipients, IReadOnlyList<PlannedReminder> Planned);
