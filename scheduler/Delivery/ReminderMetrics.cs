using System.Diagnostics.Metrics;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// The reminders' meter (<see cref="MeterName"/>), counted by the dispatcher, tagged by <c>channel</c>:
/// <c>partyaffairs.reminders.sent</c>, <c>partyaffairs.reminders.failed</c> (after the last attempt) and
/// <c>partyaffairs.reminders.skipped</c> (with <c>reason</c>: <c>confirmed</c> — the member had already confirmed —
/// or <c>expired</c> — no longer useful when its turn came).
/// </summary>
public static class ReminderMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "PartyAffairs.Reminders";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> SentCounter = Meter.CreateCounter<long>("partyaffairs.reminders.sent", "{reminder}", "Reminders delivered to a member's channel.");
    private static readonly Counter<long> FailedCounter = Meter.CreateCounter<long>("partyaffairs.reminders.failed", "{reminder}", "Reminders recorded as failed after their last attempt.");
    private static readonly Counter<long> SkippedCounter = Meter.CreateCounter<long>("partyaffairs.reminders.skipped", "{reminder}", "Reminders not sent: already confirmed, or expired.");

    /// <summary>Counts a reminder sent.</summary>
    public static void Sent(string channelId) => SentCounter.Add(1, new KeyValuePair<string, object?>("channel", channelId));

    /// <summary>Counts a reminder that failed.</summary>
    public static void Failed(string channelId) => FailedCounter.Add(1, new KeyValuePair<string, object?>("channel", channelId));

    /// <summary>Counts a reminder skipped, with the reason.</summary>
    public static void Skipped(string channelId, string reason) =>
        SkippedCounter.Add(1, new KeyValuePair<string, object?>("channel", channelId), new KeyValuePair<string, object?>("reason", reason));
}
