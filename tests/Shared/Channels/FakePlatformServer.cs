using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Tests.Channels;

/// <summary>
/// A platform that cannot be reached from here, served by a <see cref="LoopbackServer"/>. It records what it receives
/// (in arrival order, with the time of the shared clock) and every protocol rule the client broke.
/// </summary>
public abstract class FakePlatformServer(TimeProvider clock) : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentQueue<PlatformCall> _calls = new();
    private int _sequence;
    private LoopbackServer? _server;

    /// <summary>The clock arrival times are read from (the one the bot uses in rate tests).</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>The server's base address, ending in a slash.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every accepted message, in arrival order.</summary>
    public IReadOnlyList<PlatformCall> Calls => [.. _calls];

    /// <summary>Every rule the client broke (bad signature, bad token, limit exceeded, oversized text …).</summary>
    public IReadOnlyList<string> Violations => [.. _violations];

    /// <summary>Starts the server.</summary>
    public async Task StartAsync()
    {
        _server = await LoopbackServer.StartAsync(Map);
        BaseUrl = _server.Address;
    }

    /// <summary>Waits (real time) until <paramref name="condition"/> holds for the calls so far.</summary>
    public async Task<IReadOnlyList<PlatformCall>> WaitForAsync(Func<IReadOnlyList<PlatformCall>, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var calls = Calls;
            if (condition(calls))
            {
                return calls;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met; {calls.Count} calls received, violations: {string.Join("; ", Violations)}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Maps the platform's endpoints.</summary>
    protected abstract void Map(WebApplication app);

    /// <summary>Notes a broken rule.</summary>
    protected void Violation(string rule) => _violations.Enqueue(rule);

    /// <summary>Records an accepted message.</summary>
    protected void Record(string kind, string to, string type, string text)
    {
        lock (_calls)
        {
            _calls.Enqueue(new PlatformCall(++_sequence, kind, to, type, text, Clock.GetUtcNow()));
        }
    }
}
