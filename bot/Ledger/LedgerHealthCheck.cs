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
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            return await database.PingAsync(timeout.Token)
                ? HealthCheckResult.Healthy(database.Provider.ToString())
                : HealthCheckResult.Unhealthy("The ledger database does not answer.");
        }
        catch (Exception e) when (e is OperationCanceledException or StackExchange.Redis.RedisException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The ledger database does not answer.", e);
        }
    }
}
