using PartyAffairs.Channels;

namespace PartyAffairs.Tests.Channels;

/// <summary>The channel texts the test hosts configure: the product's Simplified Chinese, so assertions read as they do in the product.</summary>
public static class ChannelTestTexts
{
    /// <summary>The texts as an instance, for code that takes them directly.</summary>
    public static ChannelTexts Value
    {
        get
        {
            var texts = new ChannelTexts();
            Configure(texts);
            return texts;
        }
    }

    /// <summary>Sets the channel layer's texts.</summary>
    public static void Configure(ChannelTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        texts.TextOnly = "目前只支持文字消息，请直接输入文字。";
        texts.Unavailable = "服务暂时不可用，请稍后再试。";
        texts.ReplyHintPrefix = "可直接回复：";
        texts.ReplyHintSeparator = " / ";
        texts.ReplyOptionFormat = "「{0}」";
        texts.DefaultTitle = "党务提醒";
    }
}
