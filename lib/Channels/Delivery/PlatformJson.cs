using System.Text.Encodings.Web;
using System.Text.Json;

namespace PartyAffairs.Channels.Delivery;

/// <summary>JSON settings for platform bodies: property names as written, Chinese text not escaped.</summary>
public static class PlatformJson
{
    /// <summary>Options for writing and reading platform JSON.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 16,
    };
}
