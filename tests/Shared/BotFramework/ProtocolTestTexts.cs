using PartyAffairs.BotFramework;

namespace PartyAffairs.Tests.BotFramework;

/// <summary>The protocol texts the test hosts configure: the product's Simplified Chinese, so assertions read as they do in the product.</summary>
public static class ProtocolTestTexts
{
    /// <summary>Sets the protocol layer's texts.</summary>
    public static void Configure(ProtocolTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        texts.ServiceUnavailable = "服务暂时不可用，请稍后再试。";
        texts.NotConfigured = "您好，我是党务提醒助手。对话功能正在配置中，请稍后再试。";
        texts.TooManyMessages = "您发送消息过于频繁，请稍后再试。";
    }
}
