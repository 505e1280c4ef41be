using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework;
using PartyAffairs.BotFramework.DirectLine;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests;

/// <summary>
/// The texts the host gives the protocol and channel libraries (bot/HostTexts.cs): members see exactly the Simplified
/// Chinese the protocol and channel layers used to hold themselves.
/// </summary>
public sealed class HostTextsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Host_ProtocolTexts_AreTheProductsChinese()
    {
        await using var host = Host();

        var texts = host.Services.GetRequiredService<IOptions<ProtocolTexts>>().Value;

        Assert.Equal("服务暂时不可用，请稍后再试。", texts.ServiceUnavailable);
        Assert.Equal("您好，我是党务提醒助手。对话功能正在配置中，请稍后再试。", texts.NotConfigured);
        Assert.Equal("您发送消息过于频繁，请稍后再试。", texts.TooManyMessages);
    }

    [Fact]
    public async Task Host_ChannelTexts_AreTheProductsChinese()
    {
        await using var host = Host();
        var texts = host.Services.GetRequiredService<IOptions<ChannelTexts>>().Value;
        var activity = Activity.CreateMessageActivity("本月主题党日尚未确认。");
        activity.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("已完成", "已完成 主题党日"), CardAction.ImBack("请假", "请假 主题党日")] };

        var hint = OutgoingText.From(activity)!.WithReplyHint(texts);

        Assert.Equal("本月主题党日尚未确认。\n\n可直接回复：「已完成 主题党日」 / 「请假 主题党日」", hint);
        Assert.Equal("目前只支持文字消息，请直接输入文字。", texts.TextOnly);
        Assert.Equal("服务暂时不可用，请稍后再试。", texts.Unavailable);
        Assert.Equal("党务提醒", texts.DefaultTitle);
    }

    [Theory]
    [InlineData(null, "党务提醒助手", "partyaffairs-bot")]
    [InlineData("支部助手", "支部助手", "partyaffairs-bot")]
    public async Task Host_DirectLineBotAccount_IsTheProductsUnlessConfigured(string? configuredName, string expectedName, string expectedId)
    {
        await using var host = Host(configuredName is null ? null : new Dictionary<string, string> { ["DirectLine:BotName"] = configuredName });

        var account = host.Services.GetRequiredService<DirectLineAdapter>().BotAccount;

        Assert.Equal(expectedName, account.Name);
        Assert.Equal(expectedId, account.Id);
    }

    private WebApplicationFactory<Program> Host(IReadOnlyDictionary<string, string>? settings = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Redis:Configuration", redis.Configuration);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
        });
}
