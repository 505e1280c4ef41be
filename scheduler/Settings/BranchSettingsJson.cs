using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.Scheduler.Settings;

/// <summary>The JSON form of settings, shared by the store and the admin API (camelCase, enums as names, HH:mm times).</summary>
public static class BranchSettingsJson
{
    /// <summary>Serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };
}
