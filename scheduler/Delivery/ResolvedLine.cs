using PartyAffairs.Scheduler.Planning;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// A planned reminder resolved for one recipient: the occurrence it belongs to (worded once per occurrence) and whether the
/// ledger already stops it (the member or the branch confirmed, the pace is reached). Fan-out and the plan API both build
/// their messages from these.
/// </summary>
public sealed record ResolvedLine(ReminderRecipient Recipient, PlannedReminder Planned, OccurrenceRecord Record, bool Confirmed);
