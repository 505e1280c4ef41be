using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PartyAffairs.Tests.BotFramework;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.BotFramework.Tests.DirectLine;

/// <summary>Direct Line while the store is down: a fast 503 (never a 500), nothing acknowledged, and recovery without a restart.</summary>
public sealed class DirectLineOutageTests
{
    [Fact]
    public async Task PostActivity_RedisDown_Returns503FastAndRecoversWhenRedisReturns()
    {
        await using var redis = new RestartableRedisServer();
        await redis.StartAsync();
        await using var host = new BotFrameworkHost(redis: null, new Dictionary<string, string?> { ["Redis:Configuration"] = redis.EndPoint });
        var client = new DirectLineTestClient(host.CreateClient());
        var (conversationId, token, _) = await client.StartConversationAsync();
        using (var before = await client.PostMessageAsync(conversationId, token, "第一条"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await redis.StopAsync();
        var clock = Stopwatch.StartNew();
        using var during = await client.PostMessageAsync(conversationId, token, "宕机时发送");
        clock.Stop();
        using var reading = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("ServiceUnavailable", (await during.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, reading.StatusCode);

        await redis.StartAsync();
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 60 && status != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(250);
            using var after = await client.PostMessageAsync(conversationId, token, $"恢复后{attempt}");
            status = after.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, status);
        var texts = (await client.GetAllActivitiesAsync(conversationId, token)).Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Contains("第一条", texts);
        Assert.DoesNotContain("宕机时发送", texts);
        Assert.Contains(texts, t => t!.StartsWith("echo: 恢复后", StringComparison.Ordinal));
    }
}
