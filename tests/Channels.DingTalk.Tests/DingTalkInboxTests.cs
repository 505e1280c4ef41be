using System.Net;
using PartyAffairs.Tests.Channels;
using PartyAffairs.Tests.DingTalk;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Channels.DingTalk.Tests;

/// <summary>The Redis inbox behind DingTalk callbacks: nothing acknowledged is lost, nothing is run twice, and one sender's turns run in order.</summary>
public sealed class DingTalkInboxTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    // Short lease and grace so a stopped host's turns are recovered within the test's patience.
    private static readonly Dictionary<string, string> FastInbox = new()
    {
        ["Channels:Queue:Lease"] = "00:00:00.600",
        ["Channels:Queue:PollInterval"] = "00:00:00.050",
        ["Channels:Queue:ShutdownGrace"] = "00:00:00.100",
    };

    public Task InitializeAsync() => redis.FlushAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DingTalkInbox_HostStoppedWithTurnsStillWaiting_AnotherHostRunsThemOnceInOrder()
    {
        await using var dingTalk = new FakeDingTalkServer(TimeProvider.System);
        await dingTalk.StartAsync();
        var first = new RecordingBot { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var second = new RecordingBot();
        var settings = new Dictionary<string, string>(FastInbox) { ["Channels:Queue:Partitions"] = "1" };

        await using (var hostA = DingTalkTestHost.Create(redis, dingTalk, first, settings: settings))
        {
            using var client = hostA.CreateClient();
            for (var i = 1; i <= 3; i++)
            {
                var message = DingTalkCallbacks.Message($"order-{i}", $"第{i}条", dingTalk.NewSessionWebhook(), staffId: "order01");
                Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(DingTalkCallbacks.Callback(message))).StatusCode);
            }

            await WaitUntilAsync(() => first.Turns.Count == 1);
        }

        await using var hostB = DingTalkTestHost.Create(redis, dingTalk, second, settings: settings);
        _ = hostB.Services;

        await dingTalk.WaitForAsync(c => c.Count >= 3);
        await Task.Delay(300);
        Assert.Equal(3, dingTalk.Calls.Count);
        Assert.Equal(["第1条", "第2条", "第3条"], second.Turns.Select(t => t.Text));
        Assert.Empty(dingTalk.Violations);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Condition not met.");
            }

            await Task.Delay(20);
        }
    }
}
