using System.Text.Json;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Channels.DingTalk;

namespace PartyAffairs.Bot.Tests.Channels;

public sealed class OutgoingTextTests
{
    [Fact]
    public void From_SuggestedActions_BecomeReplyOptions()
    {
        var activity = Activity.CreateMessageActivity("本月主题党日尚未确认。");
        activity.SuggestedActions = new SuggestedActions
        {
            Actions =
            [
                CardAction.ImBack("已完成", "已完成 主题党日"),
                new CardAction { Type = ActionTypes.MessageBack, Title = "请假", Text = "请假 主题党日" },
                new CardAction { Type = ActionTypes.OpenUrl, Title = "查看", Value = JsonSerializer.SerializeToElement("https://example.invalid") },
            ],
        };

        var text = OutgoingText.From(activity)!;

        Assert.Equal([new ReplyOption("已完成", "已完成 主题党日"), new ReplyOption("请假", "请假 主题党日")], text.Options);
        Assert.Equal("本月主题党日尚未确认。\n\n可直接回复：「已完成 主题党日」 / 「请假 主题党日」", text.WithReplyHint());
    }

    [Fact]
    public void From_HeroCard_TitleTextAndButtonsIncluded()
    {
        var card = JsonSerializer.SerializeToElement(new
        {
            title = "党费提醒",
            text = "请于 25 日前缴纳。",
            buttons = new[] { new { type = "imBack", title = "已缴纳", value = "已完成 党费" } },
        });
        var activity = new Activity { Type = ActivityTypes.Message, Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.hero", Content = card }] };

        var text = OutgoingText.From(activity)!;

        Assert.Equal("党费提醒\n请于 25 日前缴纳。", text.Text);
        Assert.Equal([new ReplyOption("已缴纳", "已完成 党费")], text.Options);
    }

    [Theory]
    [InlineData(ActivityTypes.Typing)]
    [InlineData(ActivityTypes.Event)]
    public void From_NonMessage_IsNull(string type)
    {
        Assert.Null(OutgoingText.From(new Activity { Type = type, Text = "x" }));
    }

    [Fact]
    public void DingTalkMessage_WithOptions_IsMarkdownWithSendMessageLinksOnTheLastPart()
    {
        var outgoing = new OutgoingText(string.Concat(Enumerable.Repeat("长文本", 600)), [new ReplyOption("已完成", "已完成")]);

        var messages = DingTalkMessage.From(outgoing, 4000);

        Assert.True(messages.Count > 1);
        Assert.All(messages.SkipLast(1), m => Assert.False(m.IsMarkdown));
        Assert.True(messages[^1].IsMarkdown);
        Assert.EndsWith("[已完成](dtmd://dingtalkclient/sendMessage?content=%E5%B7%B2%E5%AE%8C%E6%88%90)", messages[^1].Text, StringComparison.Ordinal);
        Assert.All(messages, m => Assert.True(System.Text.Encoding.UTF8.GetByteCount(m.Text) <= 4000 + 200));
    }

    [Fact]
    public void DingTalkMessage_PlainText_IsTextWithTitleFromFirstLine()
    {
        var message = Assert.Single(DingTalkMessage.From(new OutgoingText("党费提醒\n请缴纳。", []), 4000));

        Assert.False(message.IsMarkdown);
        Assert.Equal("党费提醒", message.Title);
        Assert.Equal("{\"msgtype\":\"text\",\"text\":{\"content\":\"党费提醒\\n请缴纳。\"}}", message.ToWebhookBody().ToJsonString(PartyAffairs.Channels.Delivery.PlatformJson.Options));
    }
}
