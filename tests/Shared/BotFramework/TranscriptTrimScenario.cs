using System.Globalization;
using System.Net;
using System.Text.Json;
using StackExchange.Redis;

namespace PartyAffairs.Tests.BotFramework;

/// <summary>Transcript trimming under concurrent posts, run against redis-server and the embedded Garnet alike.</summary>
internal static class TranscriptTrimScenario
{
    /// <summary>Host settings: transcripts of <paramref name="max"/> activities, no rate limit in the way, pages holding everything.</summary>
    public static Dictionary<string, string?> Settings(int max) => new()
    {
        ["DirectLine:TranscriptMaxActivities"] = max.ToString(CultureInfo.InvariantCulture),
        ["DirectLine:RateLimitMessages"] = "1000",
        ["DirectLine:PageSize"] = "100",
    };

    /// <summary>The sequence number in an activity id (<c>{conversationId}|{sequence:D7}</c>).</summary>
    public static long Sequence(JsonElement activity) =>
        long.Parse(activity.GetProperty("id").GetString()!.Split('|')[1], CultureInfo.InvariantCulture);

    /// <summary>
    /// Rounds of four concurrent posts (each an echo and a reply, so several appends trim at once), read after each round:
    /// the reader sees every id once, gap-free, and the stored list stays within the limit and its tenth of slack.
    /// </summary>
    public static async Task ConcurrentPostsWhileTrimmingAsync(BotFrameworkHost host, IConnectionMultiplexer store, int max)
    {
        var client = new DirectLineTestClient(host.CreateClient());
        var (conversationId, token, _) = await client.StartConversationAsync();
        var seen = new List<long>();
        string? watermark = "";

        for (var round = 0; round < 4; round++)
        {
            var posts = Enumerable.Range(1, 4).Select(async i =>
            {
                using var posted = await client.PostMessageAsync(conversationId, token, $"第{round}轮{i}");
                Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            });
            await Task.WhenAll(posts);

            // Read often enough that nothing is trimmed before this client has seen it.
            var (page, next) = await client.GetActivitiesAsync(conversationId, token, watermark);
            seen.AddRange(page.Select(Sequence));
            watermark = next;
        }

        var first = seen[0];
        Assert.Equal(Enumerable.Range(0, seen.Count).Select(i => first + i), seen);
        Assert.Equal(long.Parse(watermark!, CultureInfo.InvariantCulture), seen[^1]);
        Assert.True(seen[^1] >= 33, $"last sequence {seen[^1]}");
        Assert.InRange(await store.GetDatabase().ListLengthAsync($"dl:{{{conversationId}}}:log"), max, max + (max / 10));
    }
}
