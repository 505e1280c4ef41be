using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>Duties required several times per period in chat: each confirmation counts once a day, progress reads “已完成 2/4 次”.</summary>
public sealed class CountedDutyTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    private static readonly TrackedDuty IntegrityStudy = new()
    {
        Kind = "廉政专题学习",
        Title = "开展廉政专题学习",
        Period = "P1Y",
        Count = 4,
        Audience = DutyAudience.Branch,
        Roles = TestDutyCatalog.Officers,
        Aliases = ["廉政学习"],
    };

    private static readonly TrackedDuty StudySessions = new() { Kind = "集中学习", Title = "参加集中学习", Period = "P1M", Count = 2, Aliases = ["学习"] };

    private readonly BotHarness _h = new(fixture.Connection, null, IntegrityStudy, StudySessions);

    [Fact]
    public async Task Complete_BranchDutyFourTimesAYear_CountsOncePerDayUpToFour()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await _h.BindAllAsync(codes, "王书记", "张三");

        var first = await _h.SayOneAsync("王书记", "完成 廉政专题学习");
        var sameDay = await _h.SayOneAsync("王书记", "完成 廉政学习");
        _h.Time.Advance(TimeSpan.FromDays(1));
        var second = await _h.SayOneAsync("王书记", "完成 廉政专题学习");
        var duties = await _h.SayOneAsync("王书记", "我的待办");
        var status = await _h.SayOneAsync("王书记", "完成情况");

        Assert.StartsWith("已记录：开展廉政专题学习（2026）已完成 1/4 次。", first.Text, StringComparison.Ordinal);
        Assert.Equal("开展廉政专题学习（2026）今天已记录过一次，同一天只计一次。目前已完成 1/4 次。", sameDay.Text);
        Assert.StartsWith("已记录：开展廉政专题学习（2026）已完成 2/4 次。", second.Text, StringComparison.Ordinal);
        Assert.Contains("· 开展廉政专题学习（2026）：已完成 2/4 次，截止 12月31日", duties.Text, StringComparison.Ordinal);
        Assert.Contains("· 开展廉政专题学习（2026）：已完成 2/4 次，未达到要求（支部事项）", status.Text, StringComparison.Ordinal);
        Assert.Null(await _h.Ledger.GetAsync(_h.BranchId, CompletionRecord.BranchSubject, "廉政专题学习", "2026", CancellationToken.None));

        for (var day = 0; day < 2; day++)
        {
            _h.Time.Advance(TimeSpan.FromDays(1));
            await _h.SayOneAsync("王书记", "完成 廉政专题学习");
        }

        var done = await _h.SayAsync("王书记", "我的待办");
        Assert.Contains("· 开展廉政专题学习（2026）：已完成", done[0], StringComparison.Ordinal);
        Assert.DoesNotContain("4/4", done[0], StringComparison.Ordinal);
        Assert.Equal(CompletionStatus.Done, (await _h.Ledger.GetAsync(_h.BranchId, CompletionRecord.BranchSubject, "廉政专题学习", "2026", CancellationToken.None))?.Status);
        Assert.Equal(4, await _h.Ledger.CountAsync(_h.BranchId, CompletionRecord.BranchSubject, "廉政专题学习", "2026", CancellationToken.None));
    }

    [Fact]
    public async Task Complete_FourthOccurrence_SaysRequirementReached()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"));
        await _h.BindAllAsync(codes, "王书记");
        for (var day = 0; day < 3; day++)
        {
            await _h.SayOneAsync("王书记", "完成 廉政专题学习");
            _h.Time.Advance(TimeSpan.FromDays(1));
        }

        var fourth = await _h.SayOneAsync("王书记", "完成 廉政专题学习");
        var status = await _h.SayOneAsync("王书记", "完成情况 廉政专题学习");

        Assert.StartsWith("已记录：开展廉政专题学习（2026）已完成 4/4 次，本期要求已达到。", fourth.Text, StringComparison.Ordinal);
        Assert.Equal("· 开展廉政专题学习（2026）：已完成 4/4 次（支部事项）", status.Text);
    }

    [Fact]
    public async Task Undo_CountedOccurrence_RemovesOnlyThatOne()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"));
        await _h.BindAllAsync(codes, "王书记");
        await _h.SayOneAsync("王书记", "完成 廉政专题学习");
        _h.Time.Advance(TimeSpan.FromDays(1));
        await _h.SayOneAsync("王书记", "完成 廉政专题学习");

        var undo = await _h.SayOneAsync("王书记", "撤销");
        var duties = await _h.SayOneAsync("王书记", "我的待办");

        Assert.StartsWith("已撤销", undo.Text, StringComparison.Ordinal);
        Assert.Contains("· 开展廉政专题学习（2026）：已完成 1/4 次", duties.Text, StringComparison.Ordinal);
        Assert.Equal(1, await _h.Ledger.CountAsync(_h.BranchId, CompletionRecord.BranchSubject, "廉政专题学习", "2026", CancellationToken.None));
    }

    [Fact]
    public async Task Complete_MembersDutyTwiceAMonth_EachMemberCountedSeparately()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"), ("李四", "党员"));
        await _h.BindAllAsync(codes, "王书记", "张三", "李四");

        await _h.SayOneAsync("张三", "完成 集中学习");
        _h.Time.Advance(TimeSpan.FromDays(1));
        var zhang = await _h.SayOneAsync("张三", "完成 集中学习");
        var li = await _h.SayOneAsync("李四", "完成 集中学习");
        var status = await _h.SayOneAsync("王书记", "完成情况 集中学习");

        Assert.StartsWith("已记录：参加集中学习（2026-11）已完成 2/2 次，本期要求已达到。", zhang.Text, StringComparison.Ordinal);
        Assert.StartsWith("已记录：参加集中学习（2026-11）已完成 1/2 次。", li.Text, StringComparison.Ordinal);
        Assert.Contains("1/3 已完成", status.Text, StringComparison.Ordinal);
        Assert.Matches("尚未完成：.*李四", status.Text);
        Assert.DoesNotMatch("尚未完成：.*张三", status.Text);
    }
}
