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

    /// <summary>Takes a checkpoint now (SAVE) and keeps a verified copy of it; failures are logged, never thrown.</summary>
    public async Task CheckpointAsync()
    {
        try
        {
            var manifest = await endpoint.Embedded!.CheckpointAsync(connection);
            StateLog.Checkpointed(logger);
            if (manifest is not null)
            {
                StateLog.CheckpointKept(logger, manifest.Sequence, manifest.Keys, manifest.Files.Count);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException or IOException or UnauthorizedAccessException)
        {
            // ObjectDisposedException: a second, concurrent stop of the host (the test host does this) after disposal.
            StateLog.CheckpointFailed(logger, e.GetType().Name);
        }
    }
}
