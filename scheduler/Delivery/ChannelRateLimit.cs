using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>At most <see cref="Permits"/> sends in any <see cref="Window"/> on one channel (or conversation), across all instances.</summary>
public sealed class ChannelRateLimit
{
    /// <summary>Sends allowed per window.</summary>
    [Range(1, 100_000)]
    public int Permits { get; set; } = 20;

    /// <summary>The window (any interval of this length, not a fixed calendar slot).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the budget is the channel's or each conversation's.</summary>
    public RateLimitScope Scope { get; set; } = RateLimitScope.Channel;
}
