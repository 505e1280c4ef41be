using System.Globalization;
using System.Text;
using System.Text.Json;
using PartyAffairs.Channels.DingTalk;

namespace PartyAffairs.Tests.DingTalk;

/// <summary>Robot callbacks as DingTalk sends them to <see cref="DingTalkEndpoints.CallbackPath"/>, signed with the app secret.</summary>
public static class DingTalkCallbacks
{
    /// <summary>A robot callback body: a text message from <paramref name="staffId"/>, one-to-one (<c>1</c>) or in a group (<c>2</c>).</summary>
    public static Dictionary<string, object?> Message(string msgId, string text, string? webhook, string conversationType = "1", DateTimeOffset? expiresAt = null, string staffId = "staff-001") => new()
    {
        ["msgtype"] = "text",
        ["text"] = new { content = text },
        ["msgId"] = msgId,
        ["createAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ["conversationType"] = conversationType,
        ["conversationId"] = conversationType == "2" ? "cid-group" : "cid-one",
        ["senderId"] = "$:LWCP_v1:$abc",
        ["senderNick"] = "王小明",
        ["senderStaffId"] = staffId,
        ["chatbotUserId"] = "$:LWCP_v1:$bot",
        ["robotCode"] = FakeDingTalkServer.AppKey,
        ["sessionWebhook"] = webhook,
        ["sessionWebhookExpiredTime"] = (expiresAt ?? DateTimeOffset.UtcNow.AddMinutes(90)).ToUnixTimeMilliseconds(),
    };

    /// <summary>The signed callback request DingTalk would send with <paramref name="body"/>.</summary>
    public static HttpRequestMessage Callback(object body, DateTimeOffset? at = null, string secret = FakeDingTalkServer.AppSecret)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, DingTalkEndpoints.CallbackPath) { Content = body is string raw ? new StringContent(raw, Encoding.UTF8, "application/json") : Json(body) };
        request.Headers.Add("timestamp", timestamp);
        request.Headers.Add("sign", DingTalkSignature.Compute(timestamp, secret));
        return request;
    }

    /// <summary>A JSON body, unsigned.</summary>
    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
