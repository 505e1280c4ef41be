using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.Bot.BotFramework.Schema;

/// <summary>Buttons offered with a message; cleared by the client once the user answers.</summary>
public sealed class SuggestedActions
{
    public IList<string>? To { get; set; }
    public IList<CardAction> Actions { get; set; } = [];

    /// <summary>Fields this model does not name, kept verbatim.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
