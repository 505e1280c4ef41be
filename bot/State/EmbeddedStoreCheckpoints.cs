using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PartyAffairs.Bot.State;

/// <summary>
/// Checkpoints the embedded Garnet server periodically and when the host stops, so its append-only file stays short
/// and a restart recovers quickly (checkpoint, then the file's tail). Does nothing with an external Redis.
/// </summary>
internal sealed class EmbeddedStoreCheckpoints(
    StoreEndpoint endpoint,
    IConnectionMultiplexer connection,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<EmbeddedStoreCheckpoints> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.CheckpointMinutes;
        if (endpoint.Embedded is null || minutes == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; StopAsync takes the final checkpoint.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (endpoint.Embedded is not null)
        {
            await CheckpointAsync();
        }
    }

    /// <summary>Takes a checkpoint now (SAVE); failures are logged, never thrown.</summary>
    public async Task CheckpointAsync()
    {
        try
        {
            var server = connection.GetServer(endpoint.Embedded!.EndPoint);
            // Garnet's SAVE takes a non-blocking (CPR) checkpoint and answers when it is on disk.
            await server.ExecuteAsync("SAVE");
            StateLog.Checkpointed(logger);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            // ObjectDisposedException: a second, concurrent stop of the host (the test host does this) after disposal.
            StateLog.CheckpointFailed(logger, e.GetType().Name);
        }
    }
}
