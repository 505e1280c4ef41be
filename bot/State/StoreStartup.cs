using StackExchange.Redis;

namespace PartyAffairs.Bot.State;

/// <summary>Connects to the store when the host starts (starting the embedded server if needed), not at the first turn.</summary>
internal sealed class StoreStartup(IConnectionMultiplexer connection, ILogger<StoreStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        connection.ConnectionFailed += (_, e) => StateLog.ConnectionFailed(logger, e.FailureType, e.EndPoint);
        connection.ConnectionRestored += (_, e) => StateLog.ConnectionRestored(logger, e.EndPoint);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
