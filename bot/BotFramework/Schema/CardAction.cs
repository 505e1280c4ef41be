using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.Bot.BotFramework.Schema;

/// <summary>A clickable action (button) on a card or in suggested actions.</summary>
public sealed class CardAction
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Image { get; set; }
    public string? ImageAltText { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public JsonElement? Value { get; set; }
    public JsonElement? ChannelData { get; set; }

    /// <summary>Fields this model does not name, kept verbatim.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>An imBack button: clicking it sends <paramref name="value"/> as the user's message.</summary>
    public static CardAction ImBack(string title, string? value = null) => new()
    {
        Type = ActionTypes.ImBack,
        Title = title,
        Value = JsonSerializer.SerializeToElement(value ?? title, BotJson.Options),
    };
}
