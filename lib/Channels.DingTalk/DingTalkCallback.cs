using System.Text.Json.Serialization;

namespace PartyAffairs.Channels.DingTalk;

/// <summary>The body of a DingTalk enterprise-internal robot callback (HTTP mode), the fields the bot uses.</summary>
internal sealed record DingTalkCallback
{
    [JsonPropertyName("msgtype")]
    public string? MsgType { get; init; }

    [JsonPropertyName("text")]
    public DingTalkText? Text { get; init; }

    [JsonPropertyName("msgId")]
    public string? MsgId { get; init; }

    [JsonPropertyName("createAt")]
    public long? CreateAt { get; init; }

    /// <summary><c>"1"</c> one-to-one, <c>"2"</c> group.</summary>
    [JsonPropertyName("conversationType")]
    public string? ConversationType { get; init; }

    [JsonPropertyName("conversationId")]
    public string? ConversationId { get; init; }

    [JsonPropertyName("conversationTitle")]
    public string? ConversationTitle { get; init; }

    [JsonPropertyName("senderId")]
    public string? SenderId { get; init; }

    [JsonPropertyName("senderNick")]
    public string? SenderNick { get; init; }

    /// <summary>The sender's userid in our organisation; absent for people outside it.</summary>
    [JsonPropertyName("senderStaffId")]
    public string? SenderStaffId { get; init; }

    [JsonPropertyName("chatbotUserId")]
    public string? ChatbotUserId { get; init; }

    [JsonPropertyName("robotCode")]
    public string? RobotCode { get; init; }

    [JsonPropertyName("sessionWebhook")]
    public string? SessionWebhook { get; init; }

    [JsonPropertyName("sessionWebhookExpiredTime")]
    public long? SessionWebhookExpiredTime { get; init; }

    /// <summary>True for a group conversation.</summary>
    [JsonIgnore]
    public bool IsGroup => ConversationType == "2";
}
