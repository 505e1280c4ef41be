using PartyAffairs.Ledger.Storage;

namespace PartyAffairs.Bot.Ledger;

/// <summary>
/// Applies the ledger's migrations (and the one-time import of Redis completions) when the host starts, retrying in the
/// background while the database is unreachable; the host serves meanwhile and the ledger's endpoints answer 503.
/// </summary>
internal sealed class LedgerStartup(LedgerDatabase database, TimeProvider time, ILogger<LedgerStartup> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(2);
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await database.EnsureReadyAsync(stoppingToken);
                LedgerLog.Ready(logger);
                return;
            }
            catch (Exception e) when (e is TimeoutException or StackExchange.Redis.RedisException)
            {
                LedgerLog.NotReady(logger, attempt, delay, e);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }
}
