using Microsoft.Extensions.Options;

namespace PartyAffairs.Bot.State;

/// <summary>
/// Where the store is: the configured Redis, or an embedded Garnet server this object starts and owns.
/// </summary>
internal sealed class StoreEndpoint : IDisposable
{
    private readonly EmbeddedGarnetServer? _embedded;

    public StoreEndpoint(
        IOptions<RedisOptions> redis, IOptions<StorageOptions> storage, TimeProvider time, ILoggerFactory loggerFactory, ILogger<StoreEndpoint> logger)
    {
        if (!string.IsNullOrWhiteSpace(redis.Value.Configuration))
        {
            Configuration = redis.Value.Configuration;
            StateLog.UsingRedis(logger);
            return;
        }

        var options = storage.Value;
        try
        {
            _embedded = EmbeddedGarnetServer.Start(
                options.DataDir,
                commitWait: options.AofCommitWait,
                loggerFactory: loggerFactory,
                keepCheckpoints: options.KeepCheckpoints,
                allowEmptyStart: options.AllowEmptyStart,
                time: time);
        }
        catch (StoreStartException e)
        {
            // The one place the refusal is reported (Program.cs exits on it without a stack trace: StateHosting.TryStartStore).
            StateLog.StoreStartRefused(logger, e.Message);
            throw;
        }

        // Admin commands (SAVE for checkpoints) are allowed on our own loopback server only.
        Configuration = _embedded.EndPoint + ",allowAdmin=true";
        StateLog.UsingEmbeddedGarnet(logger, _embedded.EndPoint, _embedded.DataDir);
    }

    /// <summary>The StackExchange.Redis configuration string to connect with.</summary>
    public string Configuration { get; }

    /// <summary>The embedded server, or null when an external Redis is configured.</summary>
    public EmbeddedGarnetServer? Embedded => _embedded;

    public void Dispose() => _embedded?.Dispose();
}
