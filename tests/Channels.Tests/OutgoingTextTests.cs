using System.Text.Json;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Tests.Channels;

namespace PartyAffairs.Channels.Tests;

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
        Assert.Equal("本月主题党日尚未确认。\n\n可直接回复：「已完成 主题党日」 / 「请假 主题党日」", text.WithReplyHint(ChannelTestTexts.Value));
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
}
