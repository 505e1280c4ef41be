using System.Text.Json.Serialization;

namespace PartyAffairs.Channels.DingTalk;

/// <summary>The <c>text</c> object of a DingTalk message.</summary>
internal sealed record DingTalkText
{
    [JsonPropertyName("content")]
    public string? Content { get; init; }
}
