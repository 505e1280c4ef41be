using System.Text.Json.Serialization;

namespace PartyAffairs.Bot.Channels.DingTalk;

/// <summary>The <c>text</c> object of a DingTalk message.</summary>
public sealed record DingTalkText
{
    [JsonPropertyName("content")]
    public string? Content { get; init; }
}
