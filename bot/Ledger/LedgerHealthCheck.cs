using Microsoft.Extensions.Diagnostics.HealthChecks;
using PartyAffairs.Ledger.Storage;

namespace PartyAffairs.Bot.Ledger;

/// <summary>The "ledger" health check: healthy when the ledger's database is migrated and answers.</summary>
internal sealed class LedgerHealthCheck(LedgerDatabase database) : IHealthCheck
{
    /// <summary>The check's registered name.</summary>
    public const string Name = "ledger";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // The wait is bounded, not the work: a first check may be running the start-up migration, which must not be cancelled.
            return await database.PingAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(3), cancellationToken)
                ? HealthCheckResult.Healthy(database.Provider.ToString())
                : HealthCheckResult.Unhealthy("The ledger database does not answer.");
        }
        catch (Exception e) when (e is TimeoutException or StackExchange.Redis.RedisException)
        {
            return HealthCheckResult.Unhealthy("The ledger database does not answer.", e);
        }
    }
}
