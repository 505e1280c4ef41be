using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Tests.BotFramework;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Channels.Tests.Protocol;

/// <summary>
/// Proactive messages to Direct Line and Web Chat conversations through <see cref="IProactiveMessenger"/>: a host of the
/// Bot Framework library with the channel layer on top, transcripts in a real redis-server, served on loopback Kestrel.
/// </summary>
public sealed class DirectLineChannelSenderTests(RedisServerFixture redis)
    : DirectLineHostTests(redis, new Dictionary<string, string?> { ["DirectLine:PageSize"] = "3" }, kestrel: true, add: builder => builder.AddChannels()),
    IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task ProactiveMessage_ToDirectLineConversation_IsAppendedToItsTranscript()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        using var posted = await Client.PostMessageAsync(conversationId, token, "你好");
        var reference = Host.Bot.Turns.Last(t => t.Conversation?.Id == conversationId).GetConversationReference();
        var messenger = Host.Services.GetRequiredService<IProactiveMessenger>();

        var result = await messenger.SendAsync(reference, Activity.CreateMessageActivity("本月主题党日将于周五举行"), CancellationToken.None);

        var activities = await Client.GetAllActivitiesAsync(conversationId, token);
        Assert.Equal(4, activities.Count);
        var reminder = activities[^1];
        Assert.Equal(result.Id, reminder.GetProperty("id").GetString());
        Assert.Equal("本月主题党日将于周五举行", reminder.GetProperty("text").GetString());
        Assert.False(reminder.TryGetProperty("replyToId", out _), "a reminder answers nothing");
        Assert.Equal("bot", reminder.GetProperty("from").GetProperty("role").GetString());
    }

    [Fact]
    public async Task ProactiveMessage_UnknownConversation_FailsForGood()
    {
        var messenger = Host.Services.GetRequiredService<IProactiveMessenger>();
        var reference = new ConversationReference { ChannelId = "webchat", Conversation = new ConversationAccount { Id = "0123456789abcdef0123456789abcdef" } };

        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() => messenger.SendAsync(reference, Activity.CreateMessageActivity("x"), CancellationToken.None));

        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Stream_AfterStart_ReplaysTheGreetingThenPushesEchoReplyAndProactiveMessages()
    {
        var (conversationId, token, start) = await Client.StartConversationAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(start.GetProperty("streamUrl").GetString()!), DirectLineStreamReader.Timeout());

        var first = await DirectLineStreamReader.ReceiveActivitiesAsync(socket, 1);
        Assert.Equal(TestBot.Greeting, first.Activities[0].GetProperty("text").GetString());
        Assert.Equal("1", first.Watermark);

        using var posted = await Client.PostMessageAsync(conversationId, token, "你好", "cid-stream");
        var afterPost = await DirectLineStreamReader.ReceiveActivitiesAsync(socket, 2);
        Assert.Equal("cid-stream", afterPost.Activities[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal($"{conversationId}|0000002", afterPost.Activities[0].GetProperty("id").GetString());
        Assert.Equal("echo: 你好", afterPost.Activities[1].GetProperty("text").GetString());
        Assert.Equal("3", afterPost.Watermark);

        var reference = Host.Bot.Turns.Last(t => t.Conversation?.Id == conversationId).GetConversationReference();
        await Host.Services.GetRequiredService<IProactiveMessenger>().SendAsync(reference, Activity.CreateMessageActivity("请于月底前交纳党费"), CancellationToken.None);
        var proactive = await DirectLineStreamReader.ReceiveActivitiesAsync(socket, 1);
        Assert.Equal("请于月底前交纳党费", proactive.Activities[0].GetProperty("text").GetString());
        Assert.Equal("4", proactive.Watermark);

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, DirectLineStreamReader.Timeout());
        Assert.Equal(WebSocketState.Closed, socket.State);
    }
}
