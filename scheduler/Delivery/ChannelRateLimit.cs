using System.ComponentModel.DataAnnotations;
using PartyAffairs.Delivery.Pacing;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>At most <see cref="Permits"/> reminders in any <see cref="Window"/> on one channel (or one member's conversation of it), across all instances.</summary>
public sealed class ChannelRateLimit
{
    /// <summary>Sends allowed per window.</summary>
    [Range(1, 100_000)]
    public int Permits { get; set; } = 20;

    /// <summary>The window (any interval of this length, not a fixed calendar slot).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the budget is the channel's or each member's conversation's.</summary>
    public RateLimitScope Scope { get; set; } = RateLimitScope.Channel;

    /// <summary>The shared limiter's budget of a reminder on <paramref name="channelId"/> to <paramref name="memberId"/>.</summary>
    public RateBudget Budget(string channelId, string memberId) =>
        new(ReminderKeys.RateLimit(channelId, Scope == RateLimitScope.Conversation ? memberId : null), new RateRule(Permits, Window));
}
