using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Http;

namespace PartyAffairs.Bot.WebConsole;

/// <summary>
/// Failed office logins counted per client address with the host's <see cref="AttemptThrottle"/> (shared across
/// instances through Redis, as the admin API's failures are): past <see cref="ConsoleOptions.MaxLoginFailures"/> within
/// <see cref="ConsoleOptions.LoginWindow"/> every attempt is refused until the window ends, the right token included.
/// </summary>
public sealed class LoginThrottle(AttemptThrottle throttle, IOptions<ConsoleOptions> options)
{
    /// <summary>True while <paramref name="client"/> may still try.</summary>
    public async Task<bool> MayTryAsync(string client) => !await throttle.IsExhaustedAsync(Rule(client));

    /// <summary>Counts a failure of <paramref name="client"/>.</summary>
    public Task FailedAsync(string client) => throttle.TryAcquireAsync([Rule(client)]);

    private AttemptRule Rule(string client) =>
        new("console-login:" + client, Math.Max(1, options.Value.MaxLoginFailures), options.Value.LoginWindow);
}
