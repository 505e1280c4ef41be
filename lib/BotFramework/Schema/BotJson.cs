using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.BotFramework.Schema;

/// <summary>The JSON conventions of the Bot Framework wire protocols: camelCase, nulls omitted, UTC timestamps.</summary>
public static class BotJson
{
    /// <summary>Options to read and write activities with.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new OffsetTimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
