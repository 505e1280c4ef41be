namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>
/// What a reminder is, with the typed facts its words need: the scheduler decides which kind is due when, the host's
/// <see cref="Delivery.IReminderWording"/> turns it into a message. <see cref="Key"/> is the last part of the occurrence id
/// and so of the idempotency key <c>pa:rem:key:{occurrenceId}:{memberId}</c>: a kind's key never changes, or a running
/// store would send an occurrence again.
/// </summary>
public abstract record ReminderKind
{
    /// <summary>The kind's part of the occurrence id (themed-1204-3d, dues, due-14d …), stable across releases.</summary>
    public abstract string Key { get; }
}
