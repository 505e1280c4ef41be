using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Delivery.Retry;

namespace PartyAffairs.Channels.Delivery;

/// <summary>
/// What every platform's proactive sender shares: argument checks, the "not configured" failure, turning the activity
/// into text (an activity without text sends nothing), the one retry policy and the per-member failure map. A platform
/// keeps only how a text reaches one conversation and many members, part by part, each part retried on its own.
/// </summary>
public abstract class PlatformChannelSender(string channelId, string platformName, Func<bool> isEnabled, DeliveryRetry retry) : IBatchChannelSender
{
    /// <inheritdoc />
    public string ChannelId => channelId;

    /// <summary>The configured retry policy (<c>Delivery:Retry</c>).</summary>
    protected DeliveryRetry Retry => retry;

    /// <summary>Sends with the configured retry policy (replies in a turn, proactive messages).</summary>
    public Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(reference, activity, retry, cancellationToken);

    /// <inheritdoc />
    public async Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, DeliveryRetry retry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(retry);
        if (!isEnabled())
        {
            throw NotConfigured();
        }

        if (OutgoingText.From(activity) is { } text)
        {
            await SendTextAsync(reference, text, retry, cancellationToken);
        }

        return new ResourceResponse(null);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, ChannelDeliveryException>> SendToUsersAsync(IReadOnlyList<string> userIds, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(activity);
        if (!isEnabled())
        {
            var disabled = NotConfigured();
            return userIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => disabled, StringComparer.Ordinal);
        }

        return OutgoingText.From(activity) is { } text
            ? await SendTextToUsersAsync(userIds, text, retry, cancellationToken)
            : new Dictionary<string, ChannelDeliveryException>(StringComparer.Ordinal);
    }

    /// <summary>Sends <paramref name="text"/> to the conversation <paramref name="reference"/> names, each part retried by <paramref name="retry"/>; throws when it did not arrive.</summary>
    protected abstract Task SendTextAsync(ConversationReference reference, OutgoingText text, DeliveryRetry retry, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="text"/> to every user id, each part retried by <paramref name="retry"/> (<see cref="BatchRetry"/>); returns the ids not reached, each with its final failure.</summary>
    protected abstract Task<IReadOnlyDictionary<string, ChannelDeliveryException>> SendTextToUsersAsync(IReadOnlyList<string> userIds, OutgoingText text, DeliveryRetry retry, CancellationToken cancellationToken);

    /// <summary>Throws the first failure of a one-member send, if any.</summary>
    protected static void ThrowIfFailed(IReadOnlyDictionary<string, ChannelDeliveryException> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count > 0)
        {
            throw failures.Values.First();
        }
    }

    private ChannelDeliveryException NotConfigured() => new($"{platformName} is not configured.", isTransient: false);
}
