namespace PartyAffairs.Bot.State;

/// <summary>Which Redis to use (configuration section <c>Redis</c>).</summary>
public sealed class RedisOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string; when empty, the embedded Garnet server is started and used.</summary>
    public string? Configuration { get; set; }

    /// <summary>Connect, sync and async timeout in milliseconds, unless the configuration string sets its own.</summary>
    public int TimeoutMilliseconds { get; set; } = 1000;
}
