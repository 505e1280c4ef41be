using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Http;

namespace PartyAffairs.Bot.State;

/// <summary>
/// Limits invite-code attempts per chat account, per client address (when the channel tells it) and for everyone
/// together (<see cref="RosterOptions"/>), shared by every instance through the store, so codes cannot be guessed even
/// by a client that makes a new chat user for every guess. An attempt that binds is given back.
/// </summary>
public sealed class BindingThrottle(AttemptThrottle throttle, IOptions<RosterOptions> options)
{
    /// <summary>Counts an attempt; false when one of the limits is reached (nothing may be tried then).</summary>
    public async Task<BindAttempt?> TryBeginAsync(string channelId, string userId, string? clientAddress)
    {
        var o = options.Value;
        List<AttemptRule> rules =
        [
            new($"bind:account:{channelId}:{userId}", o.BindAttemptsPerAccount, o.BindAttemptWindow),
            new("bind:all", o.BindAttemptsGlobal, o.BindAttemptWindow),
        ];
        if (clientAddress is not null)
        {
            rules.Add(new($"bind:address:{clientAddress}", o.BindAttemptsPerAddress, o.BindAttemptWindow));
        }

        var (allowed, _) = await throttle.TryAcquireAsync(rules);
        return allowed ? new BindAttempt(rules) : null;
    }

    /// <summary>The attempt bound a member: it does not count against the limits.</summary>
    public Task SucceededAsync(BindAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return throttle.ForgiveAsync(attempt.Rules);
    }
}
