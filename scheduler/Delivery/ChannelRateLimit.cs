using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>At most <see cref="Permits"/> sends per <see cref="Window"/> on one channel.</summary>
public sealed class ChannelRateLimit
{
    /// <summary>Sends allowed per window.</summary>
    [Range(1, 100_000)]
    public int Permits { get; set; } = 20;

    /// <summary>The window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
