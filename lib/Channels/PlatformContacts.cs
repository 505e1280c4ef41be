namespace PartyAffairs.Channels;

/// <summary>
/// <see cref="IPlatformContacts"/> over one platform's user-detail call: bounded by
/// <see cref="MobileBindingOptions.Timeout"/>, and every fault (refusal, network, time-out) becomes "no number", logged by
/// channel and error only, so the member falls back to the invite code.
/// </summary>
public sealed class PlatformContacts(
    string channelId,
    Func<bool> isConfigured,
    MobileBindingOptions options,
    Func<string, CancellationToken, Task<string?>> lookup,
    TimeProvider time,
    ILogger<PlatformContacts> logger) : IPlatformContacts
{
    /// <inheritdoc />
    public string ChannelId => channelId;

    /// <inheritdoc />
    public bool IsEnabled => options.Enabled && isConfigured();

    /// <inheritdoc />
    public TimeSpan RetryAfter => options.RetryAfter;

    /// <inheritdoc />
    public async Task<string?> FindMobileAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var mobile = await lookup(userId, linked.Token).WaitAsync(linked.Token);
            if (mobile is null)
            {
                ChannelLog.MobileNotProvided(logger, channelId);
            }

            return mobile;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            ChannelLog.MobileLookupFailed(logger, channelId, $"no answer within {options.Timeout.TotalSeconds} s");
            return null;
        }
        catch (ChannelDeliveryException e)
        {
            ChannelLog.MobileLookupFailed(logger, channelId, e.Message);
            return null;
        }
    }
}
