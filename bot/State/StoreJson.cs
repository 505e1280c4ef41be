using System.Text.Json;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace PartyAffairs.Bot.State;

/// <summary>How state records are written to the store: camelCase JSON, nulls omitted, enums as names.</summary>
internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static RedisValue Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(RedisValue value) where T : class =>
        value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<T>(value.ToString(), Options);
}
