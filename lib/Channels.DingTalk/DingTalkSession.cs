using System.Text.Json.Serialization;

namespace PartyAffairs.Channels.DingTalk;

/// <summary>The reply route of one DingTalk callback, carried in the activity's <c>channelData</c>.</summary>
internal sealed record DingTalkSession
{
    [JsonPropertyName("sessionWebhook")]
    public string? SessionWebhook { get; init; }

    /// <summary>Expiry of <see cref="SessionWebhook"/>, milliseconds since the epoch.</summary>
    [JsonPropertyName("sessionWebhookExpiredTime")]
    public long? SessionWebhookExpiredTime { get; init; }

    /// <summary>True when the webhook may still be used at <paramref name="now"/> (with a minute to spare).</summary>
    public bool IsUsable(DateTimeOffset now) =>
        !string.IsNullOrEmpty(SessionWebhook) && SessionWebhookExpiredTime is { } expires
        && now.AddMinutes(1).ToUnixTimeMilliseconds() < expires;
}
