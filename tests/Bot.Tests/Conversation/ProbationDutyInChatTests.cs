using PartyAffairs.Bot.Tests.Ledger;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>
/// 预备党员考察 is done about each 预备党员 by their 介绍人 and the secretaries, who are reminded by name: it is in no member's
/// to-do list (not even the 预备党员's) and counted in no 完成情况 line, where "0/3 已完成" would mean nothing.
/// </summary>
public sealed class ProbationDutyInChatTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task MyDutiesAndStatus_NeverListTheProbationReviewAsEveryonesDuty()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration, "姓名,角色\n王书记,党支部书记\n张三,党员\n李四,预备党员\n");

        var member = await host.SayAsync("张三", "我的待办");
        var probationer = await host.SayAsync("李四", "我的待办");
        var status = await host.SayAsync("王书记", "完成情况");

        Assert.Contains("交纳党费", member, StringComparison.Ordinal);
        Assert.DoesNotContain("考察", member, StringComparison.Ordinal);
        Assert.Contains("思想汇报", probationer, StringComparison.Ordinal);
        Assert.DoesNotContain("考察", probationer, StringComparison.Ordinal);
        Assert.Contains("交纳党费", status, StringComparison.Ordinal);
        Assert.DoesNotContain("考察", status, StringComparison.Ordinal);
    }
}
