using System.Text.Json;
using System.Text.Json.Nodes;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.Tests.Schema;

public sealed class ActivitySerializationTests
{
    private const string WebChatMessage = """
        {
          "type": "message",
          "id": "8a2f3c|0000004",
          "timestamp": "2024-05-06T01:30:00.512Z",
          "localTimestamp": "2024-05-06T09:30:00.101+08:00",
          "localTimezone": "Asia/Shanghai",
          "channelId": "directline",
          "serviceUrl": "https://chat.example.local/",
          "from": { "id": "u_7f41", "name": "王小明", "role": "user", "futureAccountField": 7 },
          "recipient": { "id": "reminder-bot", "name": "提醒助手", "role": "bot" },
          "conversation": { "id": "8a2f3c", "tenantId": "t1", "somethingNew": { "deep": [1, 2] } },
          "text": "明天9点提醒我开会",
          "textFormat": "plain",
          "locale": "zh-CN",
          "entities": [ { "type": "ClientCapabilities", "requiresBotState": true, "supportsListening": true, "supportsTts": true } ],
          "channelData": { "clientActivityID": "1715000000101abcde", "postBack": true },
          "suggestedActions": { "to": ["u_7f41"], "actions": [ { "type": "imBack", "title": "是", "value": "是", "newActionField": "x" } ] },
          "attachments": [ { "contentType": "application/vnd.microsoft.card.hero", "content": { "title": "周会提醒", "buttons": [ { "type": "openUrl", "value": "https://wiki.example.local" } ] } } ],
          "listenFor": ["是", "否"],
          "semanticAction": { "id": "s1", "entities": {} },
          "unknownTopLevel": { "nested": "value" }
        }
        """;

    [Fact]
    public void RoundTrip_WebChatMessageWithUnknownFields_KeepsEveryField()
    {
        var activity = JsonSerializer.Deserialize<Activity>(WebChatMessage, BotJson.Options)!;

        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(WebChatMessage), written), written.ToJsonString());
    }

    [Fact]
    public void Serialize_NullFields_AreOmittedAndNamesAreCamelCase()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = "你好", ReplyToId = "c|0000001", From = new ChannelAccount { Id = "bot" } };

        var json = JsonSerializer.Serialize(activity, BotJson.Options);

        Assert.Equal("""{"type":"message","from":{"id":"bot"},"text":"你好","replyToId":"c|0000001"}""", json);
    }

    [Theory]
    [InlineData("2024-05-06T09:30:00.512+08:00", "2024-05-06T01:30:00.512Z")]
    [InlineData("2024-05-06T01:30:00.512Z", "2024-05-06T01:30:00.512Z")]
    [InlineData("2024-05-06T01:30:00Z", "2024-05-06T01:30:00.000Z")]
    [InlineData("2024-05-05T22:00:00-03:30", "2024-05-06T01:30:00.000Z")]
    [InlineData("2024-05-06T01:30:00.5121234Z", "2024-05-06T01:30:00.512Z")]
    public void Serialize_Timestamp_IsWrittenInUtcWithZ(string sent, string expected)
    {
        var activity = JsonSerializer.Deserialize<Activity>($$"""{"type":"message","timestamp":"{{sent}}"}""", BotJson.Options)!;

        var json = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!;

        Assert.Equal(expected, json["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public void Serialize_LocalTimestamp_KeepsItsOffset()
    {
        var activity = new Activity { Type = ActivityTypes.Message, LocalTimestamp = new DateTimeOffset(2024, 5, 6, 9, 30, 0, 101, TimeSpan.FromHours(8)) };

        var json = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!;

        Assert.Equal("2024-05-06T09:30:00.101+08:00", json["localTimestamp"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"type":"message","timestamp":"yesterday"}""")]
    [InlineData("""{"type":"message","timestamp":12}""")]
    [InlineData("""{"type":"message","from":"u1"}""")]
    [InlineData("""{"type":"message",""")]
    public void Deserialize_MalformedActivity_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Activity>(json, BotJson.Options));
    }

    [Fact]
    public void GetConversationReference_ConversationUpdateOnDirectLine_HasNoActivityId()
    {
        var update = new Activity { Type = ActivityTypes.ConversationUpdate, Id = "c|x", ChannelId = "directline", Conversation = new ConversationAccount { Id = "c" } };
        var message = new Activity { Type = ActivityTypes.Message, Id = "c|0000002", ChannelId = "directline", Conversation = new ConversationAccount { Id = "c" } };

        Assert.Null(update.GetConversationReference().ActivityId);
        Assert.Equal("c|0000002", message.GetConversationReference().ActivityId);
    }

    [Fact]
    public void CreateReply_SwapsSenderAndRecipient_AndAnswersTheActivity()
    {
        var incoming = JsonSerializer.Deserialize<Activity>(WebChatMessage, BotJson.Options)!;

        var reply = incoming.CreateReply("好的");

        Assert.Equal("reminder-bot", reply.From!.Id);
        Assert.Equal("u_7f41", reply.Recipient!.Id);
        Assert.Equal("8a2f3c|0000004", reply.ReplyToId);
        Assert.Equal("8a2f3c", reply.Conversation!.Id);
        Assert.Equal("zh-CN", reply.Locale);
    }
}
