using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// Delivery settings (configuration section <c>Reminders</c>). Retries are the one retry policy of every delivery,
/// <c>Delivery:Retry</c> (<see cref="PartyAffairs.Delivery.Retry.RetryOptions"/>).
/// </summary>
public sealed class ReminderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Reminders";

    /// <summary>False stops the scheduler (no triggers, no delivery); settings commands keep working.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Concurrent sends per instance.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <summary>How long an instance's claim on in-flight reminders lasts without a heartbeat.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle worker looks at the queue.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long after start-up the first catch-up runs (no trigger is placed before; lets short-lived hosts stay quiet).</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far back the first run of a branch looks for missed reminders.</summary>
    public TimeSpan FirstRunLookBack { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long idempotency keys are kept (longer than any period).</summary>
    public TimeSpan KeyRetention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>
    /// Optional caps on how fast reminders go out, per channel id, shared by every instance through the shared rate
    /// limiter; a reminder waits for its cap while it is only claimed (a stop during the wait hands it back). The
    /// platforms' own limits (per app, per member, per conversation) apply to every request anyway, in the channel
    /// layer; none is set by default.
    /// </summary>
    public Dictionary<string, ChannelRateLimit> RateLimits { get; } = new(StringComparer.Ordinal);

    /// <summary>The cap of channels not listed in <see cref="RateLimits"/>; none by default.</summary>
    public ChannelRateLimit? DefaultRateLimit { get; set; }
}
