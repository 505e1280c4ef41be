using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.BotFramework.Schema;

/// <summary>Everything needed to message a conversation later (proactively).</summary>
public sealed class ConversationReference
{
    /// <summary>The activity the reference was taken from.</summary>
    public string? ActivityId { get; set; }
    /// <summary>The user in the conversation.</summary>
    public ChannelAccount? User { get; set; }
    /// <summary>The bot's account in the conversation.</summary>
    public ChannelAccount? Bot { get; set; }
    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }
    /// <summary>The channel the conversation lives on.</summary>
    public string? ChannelId { get; set; }
    /// <summary>The user's locale.</summary>
    public string? Locale { get; set; }
    /// <summary>Where the channel's Connector REST API is reached.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Fields this model does not name, kept verbatim.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
