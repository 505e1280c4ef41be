using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>Delivery settings (configuration section <c>Reminders</c>).</summary>
public sealed class ReminderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Reminders";

    /// <summary>False stops the scheduler (no triggers, no delivery); settings commands keep working.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Concurrent sends per instance.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <summary>Attempts per reminder before it is recorded as failed.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First retry delay when the channel gives no Retry-After; doubles per attempt.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait before a retry (also caps a channel's Retry-After).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

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
    /// Per-channel rate limits by channel id, shared by every instance through Redis; channels not listed use
    /// <see cref="DefaultRateLimit"/>. DingTalk and WeCom group robots: 20 a minute per robot; Teams: about 7 a second per
    /// conversation. App messages (DingTalk 工作通知, WeCom 应用消息) have per-app quotas: set the channel's limit to them.
    /// </summary>
    public Dictionary<string, ChannelRateLimit> RateLimits { get; } = new(StringComparer.Ordinal)
    {
        ["dingtalk"] = new() { Permits = 20, Window = TimeSpan.FromMinutes(1) },
        ["wecom"] = new() { Permits = 20, Window = TimeSpan.FromMinutes(1) },
        ["msteams"] = new() { Permits = 7, Window = TimeSpan.FromSeconds(1), Scope = RateLimitScope.Conversation },
    };

    /// <summary>The limit of channels not listed (Direct Line, Web Chat, emulator).</summary>
    public ChannelRateLimit DefaultRateLimit { get; set; } = new() { Permits = 50, Window = TimeSpan.FromSeconds(1) };
}
