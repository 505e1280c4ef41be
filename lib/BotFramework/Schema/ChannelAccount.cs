using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.BotFramework.Schema;

/// <summary>A user or bot address within a channel.</summary>
public sealed class ChannelAccount
{
    /// <summary>The account's id in the channel.</summary>
    public string? Id { get; set; }
    /// <summary>The display name.</summary>
    public string? Name { get; set; }
    /// <summary>The Microsoft Entra object id, where the channel knows it.</summary>
    public string? AadObjectId { get; set; }
    /// <summary><c>user</c> or <c>bot</c>.</summary>
    public string? Role { get; set; }

    /// <summary>Fields this model does not name, kept verbatim.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
