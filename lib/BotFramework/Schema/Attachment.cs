using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.BotFramework.Schema;

/// <summary>A file, card or other rich content carried by a message.</summary>
public sealed class Attachment
{
    /// <summary>The MIME type of the content or of the file at <see cref="ContentUrl"/> (cards have their own types).</summary>
    public string? ContentType { get; set; }
    /// <summary>Where the file can be fetched.</summary>
    public string? ContentUrl { get; set; }
    /// <summary>Inline content, for example a card.</summary>
    public JsonElement? Content { get; set; }
    /// <summary>The file name.</summary>
    public string? Name { get; set; }
    /// <summary>A thumbnail image, when the channel shows one.</summary>
    public string? ThumbnailUrl { get; set; }

    /// <summary>Fields this model does not name, kept verbatim.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
