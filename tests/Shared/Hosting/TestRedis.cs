using StackExchange.Redis;

namespace PartyAffairs.Tests.Infrastructure;

/// <summary>Redis connections for the library test hosts, tuned like the product's (bot/State/StoreConnection): fail fast, reconnect by itself.</summary>
public static class TestRedis
{
    /// <summary>Connects; the configuration string's own timeouts and abortConnect win. Returns even while the server is unreachable.</summary>
    public static ConnectionMultiplexer Connect(string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        var options = ConfigurationOptions.Parse(configuration);
        bool Sets(string key) => configuration.Contains(key + "=", StringComparison.OrdinalIgnoreCase);
        if (!Sets("abortConnect"))
        {
            options.AbortOnConnectFail = false;
        }

        if (!Sets("connectTimeout"))
        {
            options.ConnectTimeout = 1000;
        }

        if (!Sets("syncTimeout"))
        {
            options.SyncTimeout = 1000;
        }

        if (!Sets("asyncTimeout"))
        {
            options.AsyncTimeout = 1000;
        }

        options.ReconnectRetryPolicy ??= new LinearRetry(500);
        return ConnectionMultiplexer.Connect(options);
    }
}
