using System.Text.Json;
using Microsoft.Extensions.Options;
using PartyAffairs.Channels.Inbound;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Channels.Tests.Inbound;

/// <summary>The Redis inbox on its own (the platform tests drive it through callbacks): a dead instance's turns are recovered ahead of newer ones.</summary>
public sealed class ChannelInboxTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => redis.FlushAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Recover_DeadInstancesLeaseExpired_ItsTurnsGoBackAheadOfNewerOnes()
    {
        var inbox = new ChannelInbox(redis.Connection, Options.Create(new ChannelQueueOptions { Partitions = 1 }));
        var now = DateTimeOffset.UtcNow;
        foreach (var id in new[] { "r1", "r2", "r3" })
        {
            Assert.Equal(InboxAcceptance.Accepted, await inbox.AcceptAsync(Turn(id), CancellationToken.None));
        }

        await inbox.HeartbeatAsync("dead", now);
        var taken = await inbox.TakeAsync(0, "dead");
        Assert.Equal("r1", InboundTurn.TryParse(taken!.Value.ToString())!.MessageId);

        Assert.Equal(0, await inbox.RecoverAsync("alive", now));
        Assert.Equal(1, await inbox.RecoverAsync("alive", now + TimeSpan.FromSeconds(31)));

        var order = new List<string>();
        while (await inbox.TakeAsync(0, "alive") is { } value)
        {
            order.Add(InboundTurn.TryParse(value.ToString())!.MessageId);
        }

        Assert.Equal(["r1", "r2", "r3"], order);
        Assert.Equal(0, await redis.Connection.GetDatabase().ListLengthAsync(ChannelInbox.ProcessingKey("dead")));
        Assert.False(await redis.Connection.GetDatabase().HashExistsAsync(ChannelInbox.Workers, "dead"));
        Assert.Equal(InboxAcceptance.Duplicate, await inbox.AcceptAsync(Turn("r2"), CancellationToken.None));
    }

    private static InboundTurn Turn(string id) => new()
    {
        ChannelId = "wecom",
        MessageId = id,
        SenderId = "u1",
        Payload = JsonSerializer.SerializeToElement(new { id }),
    };

}
