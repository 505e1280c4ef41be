using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Channels;

/// <summary>
/// U+FFFE, U+FFFF and lone surrogates in a member's message through the DingTalk and WeCom callbacks (signed, and for WeCom
/// encrypted XML): the callback is acknowledged and the member gets a normal answer, never a 5xx.
/// </summary>
public sealed class InvalidCodePointsThroughPlatformsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Theory]
    [InlineData("dingtalk")]
    [InlineData("wecom")]
    public async Task Message_WithNonCharacters_AcknowledgedAndAnswered(string platform)
    {
        await using var chat = await PlatformChat.StartAsync(redis, platform);

        // SayAsync asserts the callback's 200 and waits for the reply the platform fake received.
        var greeting = await chat.SayAsync("probe-" + platform, "你好\uFFFE");
        var binding = await chat.SayAsync("probe-" + platform, "绑定 \uFFFE\uFFFF");
        var question = await chat.SayAsync("probe-" + platform, "\uFFFF党费多久交一次\uD800");

        Assert.False(string.IsNullOrWhiteSpace(greeting[0]));
        Assert.Contains("邀请码", binding[0], StringComparison.Ordinal);
        Assert.Contains("党费", question[0], StringComparison.Ordinal);
        Assert.All(greeting.Concat(binding).Concat(question), reply => Assert.DoesNotContain('\uFFFE', reply));
        Assert.Empty(chat.Violations);
    }
}
