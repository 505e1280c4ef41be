using PartyAffairs.Bot.Tests.Ledger;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Reminders;

/// <summary>The “全部已完成” choice of a day's reminder list records every line, each through the one recorder.</summary>
public sealed class AllDoneButtonTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task AllDone_RecordsEachLine_AndAFutureLineIsRefusedAlone()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);

        var replies = (await host.TurnAsync("张三", "全部已完成 党费 2026-12；主题党日 2026-12", group: false)).Select(a => a.Text).ToArray();

        Assert.Equal(2, replies.Length);
        Assert.All(replies, r => Assert.StartsWith("已记录", r, StringComparison.Ordinal));
        Assert.Contains("党费", replies[0], StringComparison.Ordinal);
        Assert.Contains("主题党日", replies[1], StringComparison.Ordinal);
        var again = Assert.Single(await host.TurnAsync("张三", "已完成 党费 2026-12", group: false)).Text!;
        Assert.DoesNotContain("已记录：", again, StringComparison.Ordinal); // recorded once already

        var future = (await host.TurnAsync("张三", "全部已完成 党费 2031-05", group: false)).Select(a => a.Text).ToArray();
        Assert.DoesNotContain(future, r => r!.StartsWith("已记录", StringComparison.Ordinal));
    }
}
