using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.BotFramework.Schema;

/// <summary>Buttons offered with a message; cleared by the client once the user answers.</summary>
public sealed class SuggestedActions
{
    /// <summary>The ids of the recipients the actions are shown to (all when empty).</summary>
    public IList<string>? To { get; set; }
    /// <summary>The actions offered.</summary>
    public IList<CardAction> Actions { get; set; } = [];

    /// <summary>Fields this model does not name, kept verbatim.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
