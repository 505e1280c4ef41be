using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.BotFramework.Schema;

/// <summary>Metadata attached to an activity (mentions, client capabilities, …).</summary>
public sealed class Entity
{
    /// <summary>The entity type, for example <c>mention</c> or <c>clientInfo</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The entity's other fields, kept verbatim.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
