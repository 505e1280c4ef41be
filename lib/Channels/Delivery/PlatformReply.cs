using System.Net;
using System.Text.Json;

namespace PartyAffairs.Channels.Delivery;

/// <summary>What a platform answered to one call: status, JSON body (when it was JSON) and any Retry-After.</summary>
public sealed record PlatformReply(HttpStatusCode Status, JsonElement? Body, TimeSpan? RetryAfter)
{
    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The integer property <paramref name="name"/> of the body (errcode style), if present.</summary>
    public long? Number(string name) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)
            ? n
            : null;

    /// <summary>The string property <paramref name="name"/> of the body, if present.</summary>
    public string? Text(string name) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
