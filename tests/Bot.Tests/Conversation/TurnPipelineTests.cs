using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PartyAffairs.Bot.Conversation;
using PartyAffairs.Bot.Conversation.Commands;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>
/// The turn pipeline around the commands (error handler, middleware) and the notice dialog's life, through the real
/// pipeline over a real redis-server.
/// </summary>
public sealed class TurnPipelineTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string NothingPending = "当前没有待确认的操作。";
    private const string Apology = "服务暂时不可用，请稍后再试。";

    [Fact]
    public async Task OnTurnError_CommandThrowsWhileANoticeAwaitsConfirmation_OneApologyAndTheNoticeIsDropped()
    {
        var h = Harness(s => s.AddChatCommand<FailingCommand>());
        var codes = await h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await h.BindAllAsync(codes, "王书记", "张三");
        Assert.StartsWith("通知预览", (await h.SayOneAsync("王书记", "通知 明天开会")).Text, StringComparison.Ordinal);

        var failed = await h.SayAsync("王书记", FailingCommand.Text);
        var confirm = await h.SayOneAsync("王书记", "确认");
        await h.SettleAsync();

        Assert.Equal([Apology], failed);
        Assert.Equal(NothingPending, confirm.Text);
        Assert.Empty(h.Messenger.Sent);
    }

    [Fact]
    public async Task OnTurnError_ThePlatformRefusedTheReply_NoApologyIsAttempted()
    {
        var h = Harness(s => s.AddChatCommand<RefusedReplyCommand>());

        var replies = await h.SayAsync("游客", RefusedReplyCommand.Text);

        Assert.Empty(replies);
    }

    [Fact]
    public async Task OnTurnError_FailedTurnOfAnotherAccount_LeavesTheSecretarysNoticeAlone()
    {
        var h = Harness(s => s.AddChatCommand<FailingCommand>());
        var codes = await h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await h.BindAllAsync(codes, "王书记", "张三");
        await h.SayAsync("王书记", "通知 明天开会");

        await h.SayAsync("张三", FailingCommand.Text);
        var sent = await h.SayOneAsync("王书记", "确认");

        Assert.StartsWith("正在发送通知", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deduplication_ActivityDeliveredThreeTimes_CommandRunsOnceAndAnswersOnce()
    {
        var counting = new CountingCommand();
        var h = Harness(s => s.AddSingleton(counting).AddSingleton<IChatCommand>(counting));

        var first = await h.SayAsync("游客", CountingCommand.Text, id: "retried-" + h.BranchId);
        var second = await h.SayAsync("游客", CountingCommand.Text, id: "retried-" + h.BranchId);
        var third = await h.SayAsync("游客", CountingCommand.Text, id: "retried-" + h.BranchId);
        var other = await h.SayAsync("游客", CountingCommand.Text);

        Assert.Equal(["已计数"], first);
        Assert.Empty(second);
        Assert.Empty(third);
        Assert.Equal(["已计数"], other);
        Assert.Equal(2, counting.Runs);
    }

    [Theory]
    [InlineData("我的待办")]
    [InlineData("已交党费")]
    [InlineData("完成情况")]
    [InlineData("党费多久交一次")]
    public async Task MemberLookup_BoundMembersTurn_ReadsTheBindingAndTheMemberOnce(string text)
    {
        var reads = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var h = new BotHarness(CountingConnection.Wrap(redis.Connection, reads));
        var codes = await h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await h.BindAllAsync(codes, "王书记");
        var memberId = await h.MemberIdAsync("王书记");
        reads.Clear();

        await h.SayOneAsync("王书记", text);

        Assert.Equal(1, reads.GetValueOrDefault($"pa:account:{BotHarness.Channel}:{h.User("王书记")}"));
        Assert.Equal(1, reads.GetValueOrDefault($"pa:member:{memberId}"));
    }

    [Fact]
    public async Task NoticeDialog_TimedOut_ConfirmSaysSoOnceAndTheDialogHasEnded()
    {
        var h = Harness();
        var codes = await h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await h.BindAllAsync(codes, "王书记", "张三");
        await h.SayAsync("王书记", "通知 明天开会");

        h.Time.Advance(TimeSpan.FromMinutes(10));
        var expired = await h.SayOneAsync("王书记", "确认");
        var again = await h.SayOneAsync("王书记", "确认");
        await h.SettleAsync();

        Assert.Equal("该操作已超时，未发送。如需发送，请重新发起。", expired.Text);
        Assert.Equal(NothingPending, again.Text);
        Assert.Empty(h.Messenger.Sent);
    }

    [Fact]
    public async Task NoticeDialog_JustBeforeItsTimeRunsOut_ConfirmSends()
    {
        var h = Harness();
        var codes = await h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await h.BindAllAsync(codes, "王书记", "张三");
        await h.SayAsync("王书记", "通知 明天开会");

        h.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var sent = await h.SayOneAsync("王书记", "确认");
        await h.SettleAsync();

        Assert.StartsWith("正在发送通知（共 1 人）", sent.Text, StringComparison.Ordinal);
        Assert.Single(h.SentTo("张三"));
    }

    [Fact]
    public async Task NoticeDialog_Cancelled_EndsAndANewNoticeStartsAfresh()
    {
        var h = Harness();
        var codes = await h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await h.BindAllAsync(codes, "王书记", "张三");
        await h.SayAsync("王书记", "通知 明天开会");

        var cancelled = await h.SayOneAsync("王书记", "取消");
        var cancelledAgain = await h.SayOneAsync("王书记", "取消");
        await h.SayAsync("王书记", "通知 后天开会");
        await h.SayAsync("王书记", "确认");
        await h.SettleAsync();

        Assert.Equal("已取消，未发送。", cancelled.Text);
        Assert.Equal(NothingPending, cancelledAgain.Text);
        Assert.Equal(["【机关第一党支部通知】后天开会\n——王书记"], h.SentTo("张三"));
    }

    [Fact]
    public async Task NoticeDialog_OtherCommandsInBetween_StaysOpenUntilConfirmed()
    {
        var h = Harness();
        var codes = await h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await h.BindAllAsync(codes, "王书记", "张三");
        await h.SayAsync("王书记", "通知 明天开会");

        await h.SayAsync("王书记", "我的待办");
        await h.SayAsync("王书记", "党费多久交一次");
        var sent = await h.SayOneAsync("王书记", "确认");
        await h.SettleAsync();

        Assert.StartsWith("正在发送通知", sent.Text, StringComparison.Ordinal);
        Assert.Equal(["【机关第一党支部通知】明天开会\n——王书记"], h.SentTo("张三"));
    }

    [Fact]
    public async Task NoticeDialog_AnotherMembersConfirm_DoesNotReachIt()
    {
        var h = Harness();
        var codes = await h.CreateBranchAsync(("王书记", "党支部书记"), ("李副书记", "副书记"), ("张三", "党员"));
        await h.BindAllAsync(codes, "王书记", "李副书记", "张三");
        await h.SayAsync("王书记", "通知 明天开会");

        var other = await h.SayOneAsync("李副书记", "确认");
        var own = await h.SayOneAsync("王书记", "确认");

        Assert.Equal(NothingPending, other.Text);
        Assert.StartsWith("正在发送通知（共 2 人）", own.Text, StringComparison.Ordinal);
    }

    private BotHarness Harness(Action<IServiceCollection>? configure = null) =>
        new(redis.Connection, branchId: null, NullLogger<NoticeRounds>.Instance, configure);
}
