using StackExchange.Redis;

namespace PartyAffairs.Bot.State;

/// <summary>Builds the application's one StackExchange.Redis connection, tuned to fail fast and reconnect by itself.</summary>
public static class StoreConnection
{
    /// <summary>Connection options for <paramref name="configuration"/>; our timeouts apply unless the string sets its own.</summary>
    public static ConfigurationOptions CreateOptions(string configuration, int timeoutMilliseconds = 1000)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        var options = ConfigurationOptions.Parse(configuration);
        bool Sets(string key) => configuration.Contains(key + "=", StringComparison.OrdinalIgnoreCase);

        // The host keeps running when the store is down at start-up and reconnects in the background.
        if (!Sets("abortConnect"))
        {
            options.AbortOnConnectFail = false;
        }

        // A turn must answer "try later" within about a second, not hang for the 5 s defaults.
        if (!Sets("connectTimeout"))
        {
            options.ConnectTimeout = timeoutMilliseconds;
        }

        if (!Sets("syncTimeout"))
        {
            options.SyncTimeout = timeoutMilliseconds;
        }

        if (!Sets("asyncTimeout"))
        {
            options.AsyncTimeout = timeoutMilliseconds;
        }

        options.ReconnectRetryPolicy ??= new LinearRetry(500);
        options.ClientName ??= "party-affairs-bot";
        return options;
    }

    /// <summary>Connects; with abortConnect off this returns even while the server is unreachable.</summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync(string configuration, int timeoutMilliseconds = 1000) =>
        await ConnectionMultiplexer.ConnectAsync(CreateOptions(configuration, timeoutMilliseconds));
}
