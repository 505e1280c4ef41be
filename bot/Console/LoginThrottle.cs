using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PartyAffairs.Bot.WebConsole;

/// <summary>
/// Failed office logins counted per client address in Redis (<c>pa:console:login-fail:{address}</c>, expiring after
/// <see cref="ConsoleOptions.LoginWindow"/>): past <see cref="ConsoleOptions.MaxLoginFailures"/> every attempt is refused
/// until the window ends, the right token included.
/// </summary>
public sealed class LoginThrottle(IConnectionMultiplexer redis, IOptions<ConsoleOptions> options)
{
    /// <summary>True while <paramref name="client"/> may still try.</summary>
    public async Task<bool> MayTryAsync(string client)
    {
        var count = await redis.GetDatabase().StringGetAsync(Key(client));
        return !count.TryParse(out long n) || n < options.Value.MaxLoginFailures;
    }

    /// <summary>Counts a failure of <paramref name="client"/>.</summary>
    public async Task FailedAsync(string client)
    {
        var db = redis.GetDatabase();
        var n = await db.StringIncrementAsync(Key(client));
        if (n == 1)
        {
            await db.KeyExpireAsync(Key(client), options.Value.LoginWindow);
        }
    }

    private static RedisKey Key(string client) => "pa:console:login-fail:" + client;
}
