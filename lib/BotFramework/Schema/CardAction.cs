using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.BotFramework.Schema;

/// <summary>A clickable action (button) on a card or in suggested actions.</summary>
public sealed class CardAction
{
    /// <summary>The action type (<see cref="ActionTypes"/>).</summary>
    public string? Type { get; set; }
    /// <summary>The button text.</summary>
    public string? Title { get; set; }
    /// <summary>An image shown on the button.</summary>
    public string? Image { get; set; }
    /// <summary>The alternative text of <see cref="Image"/>.</summary>
    public string? ImageAltText { get; set; }
    /// <summary>The text a messageBack sends.</summary>
    public string? Text { get; set; }
    /// <summary>The text a messageBack shows in the transcript.</summary>
    public string? DisplayText { get; set; }
    /// <summary>The value the action sends or opens.</summary>
    public JsonElement? Value { get; set; }
    /// <summary>Channel-specific data.</summary>
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
