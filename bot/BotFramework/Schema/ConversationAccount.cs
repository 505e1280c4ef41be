using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.Bot.BotFramework.Schema;

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    /// <summary>Fields this model does not name, kept verbatim.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
