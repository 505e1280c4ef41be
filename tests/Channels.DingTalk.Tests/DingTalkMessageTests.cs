using PartyAffairs.Channels.Delivery;
using PartyAffairs.Tests.Channels;

namespace PartyAffairs.Channels.DingTalk.Tests;

/// <summary>Bot replies as DingTalk robot messages: text or markdown, split to fit, one-tap replies as sendMessage links.</summary>
public sealed class DingTalkMessageTests
{
    [Fact]
    public void DingTalkMessage_WithOptions_IsMarkdownWithSendMessageLinksOnTheLastPart()
    {
        var outgoing = new OutgoingText(string.Concat(Enumerable.Repeat("长文本", 600)), [new ReplyOption("已完成", "已完成")]);

        var messages = DingTalkMessage.From(outgoing, 4000, ChannelTestTexts.Value.DefaultTitle);

        Assert.True(messages.Count > 1);
        Assert.All(messages.SkipLast(1), m => Assert.False(m.IsMarkdown));
        Assert.True(messages[^1].IsMarkdown);
        Assert.EndsWith("[已完成](dtmd://dingtalkclient/sendMessage?content=%E5%B7%B2%E5%AE%8C%E6%88%90)", messages[^1].Text, StringComparison.Ordinal);
        Assert.All(messages, m => Assert.True(System.Text.Encoding.UTF8.GetByteCount(m.Text) <= 4000 + 200));
    }

    [Fact]
    public void DingTalkMessage_PlainText_IsTextWithTitleFromFirstLine()
    {
        var message = Assert.Single(DingTalkMessage.From(new OutgoingText("党费提醒\n请缴纳。", []), 4000, ChannelTestTexts.Value.DefaultTitle));

        Assert.False(message.IsMarkdown);
        Assert.Equal("党费提醒", message.Title);
        Assert.Equal("{\"msgtype\":\"text\",\"text\":{\"content\":\"党费提醒\\n请缴纳。\"}}", message.ToWebhookBody().ToJsonString(PlatformJson.Options));
    }
}
