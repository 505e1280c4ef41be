using Microsoft.Extensions.Options;

namespace PartyAffairs.Bot.State;

/// <summary>
/// Where the store is: the configured Redis, or an embedded Garnet server this object starts and owns.
/// </summary>
internal sealed class StoreEndpoint : IDisposable
{
    private readonly EmbeddedGarnetServer? _embedded;

    public StoreEndpoint(IOptions<RedisOptions> redis, IOptions<StorageOptions> storage, ILogger<StoreEndpoint> logger)
    {
        if (!string.IsNullOrWhiteSpace(redis.Value.Configuration))
        {
            Configuration = redis.Value.Configuration;
            StateLog.UsingRedis(logger);
            return;
        }

        _embedded = EmbeddedGarnetServer.Start(storage.Value.DataDir);
        Configuration = _embedded.EndPoint;
        StateLog.UsingEmbeddedGarnet(logger, _embedded.EndPoint, _embedded.DataDir);
    }

    /// <summary>The StackExchange.Redis configuration string to connect with.</summary>
    public string Configuration { get; }

    /// <summary>True when the store is the embedded Garnet server.</summary>
    public bool IsEmbedded => _embedded is not null;

    public void Dispose() => _embedded?.Dispose();
}
