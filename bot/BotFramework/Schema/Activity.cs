using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.Bot.BotFramework.Schema;

/// <summary>A Bot Framework activity: one flat property bag for every activity type, as the schema defines it.</summary>
/// <remarks>Unknown fields survive a round trip through <see cref="ExtensionData"/>; serialise with <see cref="BotJson.Options"/>.</remarks>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    /// <summary>When the channel recorded the activity; always written in UTC with <c>Z</c>.</summary>
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public IList<ChannelAccount>? MembersAdded { get; set; }
    public IList<ChannelAccount>? MembersRemoved { get; set; }
    public string? TopicName { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public IList<Attachment>? Attachments { get; set; }
    public IList<Entity>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public string? Label { get; set; }
    public string? ValueType { get; set; }
    public JsonElement? Value { get; set; }
    public string? Name { get; set; }
    public ConversationReference? RelatesTo { get; set; }
    public string? Code { get; set; }
    public DateTimeOffset? Expiration { get; set; }
    public string? Importance { get; set; }
    public string? DeliveryMode { get; set; }

    /// <summary>Fields this model does not name, kept verbatim.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Creates an empty message activity with the given text.</summary>
    public static Activity CreateMessageActivity(string? text = null) =>
        new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>Creates a reply addressed back to the sender of this activity, per the connector's reply rule.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Conversation = Conversation,
        From = Recipient,
        Recipient = From,
        ReplyToId = Id,
        Locale = Locale,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Text = text,
    };

    /// <summary>The reference a bot stores to message this conversation later.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        // Direct Line never shows conversationUpdate to clients, so nothing may reply to it.
        ActivityId = Type == ActivityTypes.ConversationUpdate && ChannelId is "directline" or "webchat" ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    /// <summary>Addresses this (outgoing) activity to the conversation a reference names.</summary>
    public Activity ApplyConversationReference(ConversationReference reference, bool isIncoming = false)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = reference.Conversation;
        Locale ??= reference.Locale;
        if (isIncoming)
        {
            From = reference.User;
            Recipient = reference.Bot;
            Id = reference.ActivityId ?? Id;
        }
        else
        {
            From = reference.Bot;
            Recipient = reference.User;
            ReplyToId = reference.ActivityId ?? ReplyToId;
        }

        return this;
    }
}
