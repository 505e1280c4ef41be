using System.Collections.Concurrent;
using PartyAffairs.Bot.State;
using PartyAffairs.Channels;

namespace PartyAffairs.Bot.Conversation;

/// <summary>
/// Binds an unbound platform account by the roster's mobile number: asks the channel's <see cref="IPlatformContacts"/>
/// for the user's mobile number and binds the one roster member who has it. A user without a unique match is not
/// looked up again for <see cref="IPlatformContacts.RetryAfter"/>, so their next messages do not wait on the platform.
/// </summary>
internal sealed class MobileBinder(IEnumerable<IPlatformContacts> contacts, RosterStore roster, TimeProvider time)
{
    private const int MaxQuietUsers = 10_000;

    private readonly IPlatformContacts[] _contacts = [.. contacts];
    private readonly ConcurrentDictionary<string, DateTimeOffset> _quietUntil = new(StringComparer.Ordinal);

    /// <summary>
    /// The bind result when the account was bound by mobile number (<see cref="BindOutcome.Bound"/>) or turned out to be
    /// bound meanwhile (<see cref="BindOutcome.AlreadyBound"/>); null when the channel has no contacts lookup, the platform gave
    /// no usable number, or no single roster member has it. Store faults propagate.
    /// </summary>
    public async Task<BindResult?> TryBindAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var directory = Array.Find(_contacts, d => d.ChannelId == channelId);
        if (directory is null || !directory.IsEnabled)
        {
            return null;
        }

        var key = channelId + ":" + userId;
        var now = time.GetUtcNow();
        if (_quietUntil.TryGetValue(key, out var until))
        {
            if (now < until)
            {
                return null;
            }

            _quietUntil.TryRemove(key, out _);
        }

        var found = await directory.FindMobileAsync(userId, cancellationToken);
        if (found is not null && MobileNumbers.TryNormalize(found, out var mobile))
        {
            var result = await roster.BindByMobileAsync(mobile, channelId, userId, cancellationToken);
            if (result is { Outcome: BindOutcome.Bound or BindOutcome.AlreadyBound, Member: not null })
            {
                return result;
            }
        }

        if (directory.RetryAfter > TimeSpan.Zero)
        {
            if (_quietUntil.Count >= MaxQuietUsers)
            {
                _quietUntil.Clear();
            }

            _quietUntil[key] = time.GetUtcNow() + directory.RetryAfter;
        }

        return null;
    }
}
