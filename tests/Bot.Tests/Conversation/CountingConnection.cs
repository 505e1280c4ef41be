using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>
/// A real store connection that counts single-key string reads (GET) by key, passing every call through to the store:
/// how many times a turn reads the roster is counted against the real server, not a mock.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy needs an unsealed type with a public constructor.
internal class CountingConnection : DispatchProxy
{
    private IConnectionMultiplexer _inner = null!;
    private ConcurrentDictionary<string, int> _reads = null!;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="reads"/> receives the count per key.</summary>
    public static IConnectionMultiplexer Wrap(IConnectionMultiplexer inner, ConcurrentDictionary<string, int> reads)
    {
        var proxy = Create<IConnectionMultiplexer, CountingConnection>();
        var counting = (CountingConnection)(object)proxy;
        counting._inner = inner;
        counting._reads = reads;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var result = Forward(_inner, targetMethod!, args);
        return result is IDatabase database && targetMethod!.Name == nameof(IConnectionMultiplexer.GetDatabase)
            ? CountingDatabase.Wrap(database, _reads)
            : result;
    }

    internal static object? Forward(object target, MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}

/// <summary>The database side of <see cref="CountingConnection"/>.</summary>
internal class CountingDatabase : DispatchProxy
{
    private IDatabase _inner = null!;
    private ConcurrentDictionary<string, int> _reads = null!;

    public static IDatabase Wrap(IDatabase inner, ConcurrentDictionary<string, int> reads)
    {
        var proxy = Create<IDatabase, CountingDatabase>();
        var counting = (CountingDatabase)(object)proxy;
        counting._inner = inner;
        counting._reads = reads;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod!.Name is nameof(IDatabase.StringGet) or nameof(IDatabaseAsync.StringGetAsync) && args is [RedisKey key, ..])
        {
            _reads.AddOrUpdate(key.ToString(), 1, (_, n) => n + 1);
        }

        return CountingConnection.Forward(_inner, targetMethod, args);
    }
}
#pragma warning restore CA1852
