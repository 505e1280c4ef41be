using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Channels.Inbound;
using PartyAffairs.Delivery;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Channels.Tests.Inbound;

/// <summary>
/// The Redis inbox on its own (the platform tests drive it through callbacks): its keys, and a dead instance's turns
/// recovered ahead of newer ones. The queue itself is tested in tests/Delivery.Tests (WorkQueueTests).
/// </summary>
public sealed class ChannelInboxTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public Task InitializeAsync() => redis.FlushAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private ChannelInbox Inbox(string instance) =>
        new(redis.Connection, Options.Create(new ChannelQueueOptions { Partitions = 1 }), new DeliveryInstance(instance), _clock);

    [Fact]
    public async Task Recover_DeadInstancesLeaseExpired_ItsTurnsGoBackAheadOfNewerOnes()
    {
        var dead = Inbox("dead");
        var alive = Inbox("alive");
        foreach (var id in new[] { "r1", "r2", "r3" })
        {
            Assert.Equal(InboxAcceptance.Accepted, await alive.AcceptAsync(Turn(id), CancellationToken.None));
        }

        await dead.Queue.HeartbeatAsync();
        var taken = await dead.Queue.TakeAsync(0);
        Assert.Equal("r1", InboundTurn.TryParse(taken!.Value.ToString())!.MessageId);

        Assert.Equal(0, (await alive.Queue.RecoverAsync(hook: null)).Returned);
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, (await alive.Queue.RecoverAsync(hook: null)).Returned);

        var order = new List<string>();
        while (await alive.Queue.TakeAsync(0) is { } value)
        {
            order.Add(InboundTurn.TryParse(value.ToString())!.MessageId);
        }

        Assert.Equal(["r1", "r2", "r3"], order);
        Assert.Equal(0, await redis.Connection.GetDatabase().ListLengthAsync(ChannelInbox.ProcessingKey("dead")));
        Assert.False(await redis.Connection.GetDatabase().HashExistsAsync(ChannelInbox.Workers, "dead"));
        Assert.Equal(InboxAcceptance.Duplicate, await alive.AcceptAsync(Turn("r2"), CancellationToken.None));
    }

    [Fact]
    public void Keys_AsDocumented_UnchangedByTheWorkQueue()
    {
        Assert.Equal((RedisKey)"pa:channel:inbox:3", ChannelInbox.QueueKey(3));
        Assert.Equal((RedisKey)"pa:channel:inbox:processing:i1", ChannelInbox.ProcessingKey("i1"));
        Assert.Equal((RedisKey)"pa:channel:inbox:workers", ChannelInbox.Workers);
        Assert.Equal((RedisKey)"pa:channel:inbox:recover:i1", ChannelInbox.RecoveryKey("i1"));
        Assert.Equal(ChannelInbox.QueueKey(2), Inbox("a").Queue.QueueKey(2));
    }

    private static InboundTurn Turn(string id) => new()
    {
        ChannelId = "wecom",
        MessageId = id,
        SenderId = "u1",
        Payload = JsonSerializer.SerializeToElement(new { id }),
    };
}
