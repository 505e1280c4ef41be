namespace PartyAffairs.Bot.Operations;

/// <summary>The metrics endpoint's settings (configuration section <c>Metrics</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Metrics";

    /// <summary>The scrape path, Prometheus text format.</summary>
    public const string Path = "/metrics";

    /// <summary>
    /// Bearer token a scraper that is not on this machine sends (<c>Authorization: Bearer …</c>). Unset: only loopback
    /// clients without forwarding headers may scrape.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>How often queue lengths and the store's round-trip time are sampled.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}
