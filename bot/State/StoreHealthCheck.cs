using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace PartyAffairs.Bot.State;

/// <summary>The "store" health check: healthy when the store answers PING.</summary>
internal sealed class StoreHealthCheck(IConnectionMultiplexer connection) : IHealthCheck
{
    /// <summary>The check's registered name.</summary>
    public const string Name = "store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", e);
        }
    }
}
