using StackExchange.Redis;

namespace PartyAffairs.Bot.State;

/// <summary>Connects to the store when the host starts (starting the embedded server if needed), not at the first turn.</summary>
internal sealed class StoreStartup(IConnectionMultiplexer connection, ILogger<StoreStartup> logger) : IHostedService
{
    /// <summary>Worker threads the pool keeps ready, so a burst does not wait for thread injection and trip the 1 s timeouts.</summary>
    public const int MinWorkerThreads = 32;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // StackExchange.Redis guidance: with few cores the default minimum (one per core) lets a burst of turns
        // starve the pool, and store replies then wait long enough to time out.
        EnsureMinThreads();
        connection.ConnectionFailed += (_, e) => StateLog.ConnectionFailed(logger, e.FailureType, e.EndPoint);
        connection.ConnectionRestored += (_, e) => StateLog.ConnectionRestored(logger, e.EndPoint);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Raises the thread pool's minimum worker and I/O threads to <see cref="MinWorkerThreads"/> where lower.</summary>
    public static void EnsureMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < MinWorkerThreads || io < MinWorkerThreads)
        {
            ThreadPool.SetMinThreads(Math.Max(workers, MinWorkerThreads), Math.Max(io, MinWorkerThreads));
        }
    }
}
