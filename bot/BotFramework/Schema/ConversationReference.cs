using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.Bot.BotFramework.Schema;

/// <summary>Everything needed to message a conversation later (proactively).</summary>
public sealed class ConversationReference
{
    public string? ActivityId { get; set; }
    public ChannelAccount? User { get; set; }
    public ChannelAccount? Bot { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ChannelId { get; set; }
    public string? Locale { get; set; }
    public string? ServiceUrl { get; set; }

    /// <summary>Fields this model does not name, kept verbatim.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
