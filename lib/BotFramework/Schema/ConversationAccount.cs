using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.BotFramework.Schema;

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    /// <summary>The conversation's id in the channel.</summary>
    public string? Id { get; set; }
    /// <summary>The conversation's display name.</summary>
    public string? Name { get; set; }
    /// <summary>True for a conversation with more than two members.</summary>
    public bool? IsGroup { get; set; }
    /// <summary>The channel's own kind of conversation.</summary>
    public string? ConversationType { get; set; }
    /// <summary>The tenant, on channels that have tenants.</summary>
    public string? TenantId { get; set; }
    /// <summary>The Microsoft Entra object id, where the channel knows it.</summary>
    public string? AadObjectId { get; set; }
    /// <summary>The role, when the conversation stands for an account.</summary>
    public string? Role { get; set; }

    /// <summary>Fields this model does not name, kept verbatim.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
