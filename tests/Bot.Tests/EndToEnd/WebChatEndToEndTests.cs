using System.Text.Json;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.EndToEnd;

/// <summary>The chat page with the real Web Chat bundle in headless Chromium, against the whole host on 127.0.0.1.</summary>
public sealed class WebChatEndToEndTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task ChatPage_MemberAsksAboutDues_SeesTheAnswerInWebChat()
    {
        await using var host = new EndToEndHost(redis);
        var address = host.Start();

        var report = await BrowserScenario.RunAsync(address, new
        {
            steps = new object[]
            {
                new { user = "member", say = "党费多久交一次", expectReplies = 1, screenshot = "dues-question.png" },
            },
        });

        Assert.True(report.GetProperty("ok").GetBoolean(), report.GetProperty("error").ToString());
        var step = report.GetProperty("steps")[0];
        Assert.False(step.GetProperty("sendFailed").GetBoolean(), "Web Chat saw its own message echoed");
        var reply = step.GetProperty("replies")[0].GetString();
        Assert.False(string.IsNullOrWhiteSpace(reply));
        var screenshot = report.GetProperty("screenshots")[0].GetString()!;
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.True(png.Length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a real PNG screenshot");
        Assert.DoesNotContain(report.GetProperty("consoleErrors").EnumerateArray(), e => !e.GetString()!.Contains("favicon", StringComparison.Ordinal));
    }
}
