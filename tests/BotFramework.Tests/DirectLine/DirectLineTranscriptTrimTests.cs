using System.Net;
using System.Text.Json;
using PartyAffairs.Tests.BotFramework;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.BotFramework.Tests.DirectLine;

/// <summary>
/// Transcripts are trimmed to <c>DirectLine:TranscriptMaxActivities</c> (Redis may run a tenth over before a trim), while ids
/// and watermarks keep counting: a client that is up to date sees exactly what is new, one behind the trimmed head resumes
/// from the oldest activity kept.
/// </summary>
public sealed class DirectLineTranscriptTrimTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int Max = 10;

    private static readonly Dictionary<string, string?> Settings = TranscriptTrimScenario.Settings(Max);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LongConversation_TranscriptKeepsTheNewestActivities_AndIdsAndWatermarksKeepCounting(bool inRedis)
    {
        await using var host = new BotFrameworkHost(inRedis ? redis : null, Settings);
        var client = new DirectLineTestClient(host.CreateClient());
        var (conversationId, token, _) = await client.StartConversationAsync();
        for (var i = 1; i <= 15; i++)
        {
            using var posted = await client.PostMessageAsync(conversationId, token, $"第{i}条");
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var (kept, watermark) = await client.GetActivitiesAsync(conversationId, token, "");
        var sequences = kept.Select(Sequence).ToList();
        var last = long.Parse(watermark!, System.Globalization.CultureInfo.InvariantCulture);

        // Every post added its echo and the bot's reply: 30 activities at least, far beyond the limit.
        Assert.True(last >= 30, $"last sequence {last}");
        Assert.InRange(kept.Length, Max, Max + (Max / 10));
        Assert.Equal(Enumerable.Range(0, kept.Length).Select(i => last - kept.Length + 1 + i), sequences);
        Assert.Equal("echo: 第15条", kept[^1].GetProperty("text").GetString());

        // A client far behind the trimmed head resumes from the oldest activity kept, with the same ids.
        var (behind, behindWatermark) = await client.GetActivitiesAsync(conversationId, token, "3");
        Assert.Equal(sequences, behind.Select(Sequence));
        Assert.Equal(watermark, behindWatermark);

        // A client that is up to date sees exactly the new activities, numbered after the last.
        using (var more = await client.PostMessageAsync(conversationId, token, "第16条"))
        {
            Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        }

        var (fresh, freshWatermark) = await client.GetActivitiesAsync(conversationId, token, watermark);
        Assert.Equal([last + 1, last + 2], fresh.Select(Sequence));
        Assert.Equal(["第16条", "echo: 第16条"], fresh.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal((last + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), freshWatermark);

        if (inRedis)
        {
            var db = redis.Connection.GetDatabase();
            var length = await db.ListLengthAsync($"dl:{{{conversationId}}}:log");
            var dropped = (long)await db.StringGetAsync($"dl:{{{conversationId}}}:dropped");
            Assert.InRange(length, Max, Max + (Max / 10));
            Assert.Equal(last + 2, dropped + length);
            Assert.True(await db.KeyTimeToLiveAsync($"dl:{{{conversationId}}}:dropped") is { } ttl && ttl > TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task ConcurrentPosts_WhileTrimming_IdsStayUniqueAndGapFree()
    {
        await using var host = new BotFrameworkHost(redis, Settings);
        await TranscriptTrimScenario.ConcurrentPostsWhileTrimmingAsync(host, redis.Connection, Max);
    }

    private static long Sequence(JsonElement activity) => TranscriptTrimScenario.Sequence(activity);
}
