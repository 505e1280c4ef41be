using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.BotFramework.Schema;

/// <summary>A Bot Framework activity: one flat property bag for every activity type, as the schema defines it.</summary>
/// <remarks>Unknown fields survive a round trip through <see cref="ExtensionData"/>; serialise with <see cref="BotJson.Options"/>.</remarks>
public sealed class Activity
{
    /// <summary>The activity type (<see cref="ActivityTypes"/>).</summary>
    public string? Type { get; set; }
    /// <summary>The id the channel gave the activity.</summary>
    public string? Id { get; set; }
    /// <summary>When the channel recorded the activity; always written in UTC with <c>Z</c>.</summary>
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; set; }
    /// <summary>The sender's local time when it was sent.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }
    /// <summary>The sender's IANA time zone.</summary>
    public string? LocalTimezone { get; set; }
    /// <summary>Where replies to this activity are sent (Connector REST API).</summary>
    public string? ServiceUrl { get; set; }
    /// <summary>The channel that carried the activity.</summary>
    public string? ChannelId { get; set; }
    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; set; }
    /// <summary>The conversation the activity belongs to.</summary>
    public ConversationAccount? Conversation { get; set; }
    /// <summary>The addressee.</summary>
    public ChannelAccount? Recipient { get; set; }
    /// <summary>The format of <see cref="Text"/> (<see cref="TextFormatTypes"/>).</summary>
    public string? TextFormat { get; set; }
    /// <summary>How several attachments are laid out (<c>list</c> or <c>carousel</c>).</summary>
    public string? AttachmentLayout { get; set; }
    /// <summary>Members who joined (conversationUpdate).</summary>
    public IList<ChannelAccount>? MembersAdded { get; set; }
    /// <summary>Members who left (conversationUpdate).</summary>
    public IList<ChannelAccount>? MembersRemoved { get; set; }
    /// <summary>The conversation's topic.</summary>
    public string? TopicName { get; set; }
    /// <summary>The sender's locale.</summary>
    public string? Locale { get; set; }
    /// <summary>The message text.</summary>
    public string? Text { get; set; }
    /// <summary>The text to speak, on voice channels.</summary>
    public string? Speak { get; set; }
    /// <summary>Whether the bot expects input after this message.</summary>
    public string? InputHint { get; set; }
    /// <summary>Text to show when the channel cannot render the attachments.</summary>
    public string? Summary { get; set; }
    /// <summary>Buttons offered with the message.</summary>
    public SuggestedActions? SuggestedActions { get; set; }
    /// <summary>Files and cards.</summary>
    public IList<Attachment>? Attachments { get; set; }
    /// <summary>Metadata such as mentions and client capabilities.</summary>
    public IList<Entity>? Entities { get; set; }
    /// <summary>Channel-specific data.</summary>
    public JsonElement? ChannelData { get; set; }
    /// <summary>The action of a contactRelationUpdate or installationUpdate.</summary>
    public string? Action { get; set; }
    /// <summary>The activity this one answers.</summary>
    public string? ReplyToId { get; set; }
    /// <summary>A label for trace activities.</summary>
    public string? Label { get; set; }
    /// <summary>The type of <see cref="Value"/>, for trace activities.</summary>
    public string? ValueType { get; set; }
    /// <summary>The value of an event, invoke or message.</summary>
    public JsonElement? Value { get; set; }
    /// <summary>The name of an event or invoke.</summary>
    public string? Name { get; set; }
    /// <summary>The conversation a trace or event refers to.</summary>
    public ConversationReference? RelatesTo { get; set; }
    /// <summary>Why the conversation ended (endOfConversation).</summary>
    public string? Code { get; set; }
    /// <summary>When the activity should be considered expired.</summary>
    public DateTimeOffset? Expiration { get; set; }
    /// <summary><c>low</c>, <c>normal</c> or <c>high</c>.</summary>
    public string? Importance { get; set; }
    /// <summary><c>normal</c>, or <c>expectReplies</c> for replies in the HTTP answer.</summary>
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
