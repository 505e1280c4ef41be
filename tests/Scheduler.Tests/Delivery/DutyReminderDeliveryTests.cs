using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Knowledge;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Tests.Planning;
using PartyAffairs.Tests.Infrastructure;
using PartyAffairs.Scheduler.Tests.Completion;

namespace PartyAffairs.Scheduler.Tests.Delivery;

/// <summary>Members' duty reminders, window openings and counted duties end to end: planner, fan-out, Redis, dispatcher.</summary>
public abstract class DutyReminderDeliveryTests(RedisServerFixture redis, ILedgerBackend ledgers)
{
    private const string Branch = "b1";

    private static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + "+08:00", CultureInfo.InvariantCulture);

    private async Task<(SchedulerHarness Harness, InMemoryDirectory Directory, LoopbackSink Sink)> StartAsync(string now, int members = 8, IReadOnlyList<Duty>? duties = null)
    {
        await redis.FlushAsync();
        await ledgers.ResetAsync();
        var directory = InMemoryDirectory.WithMembers(members);
        var sink = new LoopbackSink();
        return (new SchedulerHarness(redis.Connection, new FakeTimeProvider(Local(now)), directory, sink, duties: duties, ledger: ledgers.Create(redis.Connection)), directory, sink);
    }

    private static CompletionRecord Confirmed(string member, string kind, string period, CompletionStatus status = CompletionStatus.Done) => new()
    {
        BranchId = Branch,
        MemberId = member,
        DutyKind = kind,
        PeriodKey = period,
        Status = status,
        RecordedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task Run_GroupMeetingReminderAndNudge_ReachOnlyUnconfirmedMembers()
    {
        var (harness, directory, sink) = await StartAsync("2026-11-02T08:30:00");
        await harness.Ledger.RecordAsync(Confirmed("m00001", "党小组会", "2026-11"), default);
        await harness.Ledger.RecordAsync(Confirmed("m00002", "党小组会", "2026-11", CompletionStatus.Leave), default);

        await harness.RunAsync(Branch);

        var opening = sink.OfKind(":党小组会:2026-11:member-open:");
        Assert.Equal(directory.Members.Select(m => m.MemberId).Except(["m00001", "m00002"]).Order(), opening.Select(d => d.MemberId).Order());
        var message = opening[0].Message;
        Assert.Contains("本月请于11月30日前参加党小组会", message.Text, StringComparison.Ordinal);
        Assert.Contains("依据：", message.Text, StringComparison.Ordinal);
        // The day's reminders form one digest: the 党小组会 line keeps its own two buttons (numbered as its line).
        Assert.Equal([("已完成（第1项）", "已完成 党小组会 2026-11"), ("请假（第1项）", "请假 党小组会 2026-11")],
            message.Actions.Where(a => a.Value.Contains("党小组会", StringComparison.Ordinal) && !a.Value.StartsWith("全部", StringComparison.Ordinal)).Select(a => (a.Title, a.Value)));

        // m00003 answers with the button; the nudge a week before the month ends skips all three.
        Assert.Contains("已完成", await harness.Responses.HandleAsync(Branch, "m00003", message.Actions[0].Value, "act-1", default), StringComparison.Ordinal);
        harness.Time.SetUtcNow(Local("2026-11-23T08:30:00"));
        await harness.RunAsync(Branch);

        var nudge = sink.OfKind(":党小组会:2026-11:member-nudge-7d:");
        Assert.Equal(directory.Members.Select(m => m.MemberId).Except(["m00001", "m00002", "m00003"]).Order(), nudge.Select(d => d.MemberId).Order());
        Assert.Contains("距月底还有7天", nudge[0].Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ThoughtReportQuarterOpens_OnlyProbationaryMembersReminded()
    {
        // One rule for 预备党员, one for 党员 working away (the roster does not say who is away).
        var duties = new[]
        {
            DutyRules.Rule("思想汇报", "P3M", 1, actor: "预备党员", summary: "预备党员在预备期内每季度进行一次书面汇报"),
            DutyRules.Rule("思想汇报", "P3M", 1, actor: "党员", summary: "党员外出时，每季度用书面形式汇报一次思想工作情况"),
        };
        var (harness, directory, sink) = await StartAsync("2026-10-08T08:30:00", duties: duties);
        for (var i = 0; i < 2; i++)
        {
            directory.Members[i] = directory.Members[i] with { Role = "预备党员" };
        }

        await harness.RunAsync(Branch);

        var opening = sink.OfKind(":思想汇报:2026-Q4:member-open:");
        Assert.Equal(directory.Members.Take(2).Select(m => m.MemberId).Order(), opening.Select(d => d.MemberId).Order());
    }

    [Fact]
    public async Task Run_MemberConfirmsBetweenFanOutAndDelivery_NotNudged()
    {
        var (harness, _, sink) = await StartAsync("2026-11-23T08:30:00");
        foreach (var group in Enum.GetValues<ReminderGroup>())
        {
            await harness.Coordinator.TickAsync(Branch, group, default);
        }

        await harness.Responses.HandleAsync(Branch, "m00004", "已完成 党小组会 2026-11", "act-2", default);
        await harness.Dispatcher.DrainAsync(default);

        var nudge = sink.OfKind(":党小组会:2026-11:member-nudge-7d:");
        Assert.NotEmpty(nudge);
        Assert.DoesNotContain(nudge, d => d.MemberId == "m00004");
    }

    [Fact]
    public async Task Run_FourthQuarterOpens_SecretariesToldOnFirstWorkingDayAfterNationalDay()
    {
        var (harness, _, sink) = await StartAsync("2026-10-01T08:30:00");

        await harness.RunAsync(Branch);
        Assert.Empty(sink.OfKind(":组织生活会+民主评议党员:2026:open:"));

        harness.Time.SetUtcNow(Local("2026-10-08T08:30:00"));
        await harness.RunAsync(Branch);

        var open = Assert.Single(sink.OfKind(":组织生活会+民主评议党员:2026:open:"));
        Assert.Equal("sec", open.MemberId);
        // One line of the secretary's digest of the day.
        Assert.Contains("【工作提醒】本季度需召开组织生活会、开展民主评议党员，请于12月31日前完成", open.Message.Text, StringComparison.Ordinal);
        Assert.Single(open.Message.Actions, a => a.Value == "已完成 组织生活会、民主评议党员 2026");
    }

    [Fact]
    public async Task Run_FourthQuarterNotHeld_BeforeEndReminderWithDaysLeft()
    {
        var (harness, _, sink) = await StartAsync("2026-12-17T08:30:00");

        await harness.RunAsync(Branch);

        var due = Assert.Single(sink.OfKind(":组织生活会+民主评议党员:2026:due-14d:"));
        Assert.Contains("本年度尚未召开组织生活会、开展民主评议党员，距年底还有14天", due.Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FourthQuarterHeldAndConfirmed_NoBeforeEndReminder()
    {
        var (harness, _, sink) = await StartAsync("2026-10-08T08:30:00");
        await harness.RunAsync(Branch);
        await harness.Responses.HandleAsync(Branch, "sec", "已完成 组织生活会、民主评议党员 2026", "act-3", default);

        harness.Time.SetUtcNow(Local("2026-12-17T08:30:00"));
        await harness.RunAsync(Branch);

        Assert.Empty(sink.OfKind(":组织生活会+民主评议党员:2026:due-"));
    }

    [Fact]
    public async Task Run_FourTimesAYearCommittee_CountsOneToFourAndRemindersStopAtFour()
    {
        var duties = new[] { DutyRules.Rule("支部委员会", "P1Y", 4, summary: "支部委员会会议全年不少于四次") };
        var (harness, _, sink) = await StartAsync("2026-12-01T10:00:00", duties: duties);
        var replies = new List<string>();
        foreach (var day in new[] { "2026-12-01", "2026-12-02", "2026-12-03" })
        {
            harness.Time.SetUtcNow(Local(day + "T10:00:00"));
            replies.Add((await harness.Responses.HandleAsync(Branch, "sec", "已完成 支部委员会 2026", "act-" + day, default))!);
        }

        var sameDay = await harness.Responses.HandleAsync(Branch, "sec", "已完成 支部委员会 2026", "act-again", default);

        Assert.Collection(replies,
            r => Assert.Contains("已完成 1/4 次", r, StringComparison.Ordinal),
            r => Assert.Contains("已完成 2/4 次", r, StringComparison.Ordinal),
            r => Assert.Contains("已完成 3/4 次", r, StringComparison.Ordinal));
        Assert.Contains("同一天只计一次。目前已完成 3/4 次", sameDay, StringComparison.Ordinal);

        harness.Time.SetUtcNow(Local("2026-12-17T08:30:00"));
        await harness.RunAsync(Branch);
        var due = Assert.Single(sink.OfKind(":支部委员会:2026:due-14d:"));
        Assert.Contains("本年度召开支部委员会会议已完成 3/4 次，距年底还有14天", due.Message.Text, StringComparison.Ordinal);

        harness.Time.SetUtcNow(Local("2026-12-18T10:00:00"));
        var fourth = await harness.Responses.HandleAsync(Branch, "sec", "已完成 支部委员会 2026", "act-4", default);
        Assert.Contains("已完成 4/4 次，本期要求已达到", fourth, StringComparison.Ordinal);

        harness.Time.SetUtcNow(Local("2026-12-28T08:30:00"));
        await harness.RunAsync(Branch);
        Assert.Empty(sink.OfKind(":支部委员会:2026:due-3d:"));
    }

    [Fact]
    public async Task Run_CountedDutyOpensAtYearStart_SecretariesToldHowManyTimes()
    {
        var duties = new[] { DutyRules.Rule("支部委员会", "P1Y", 4, summary: "支部委员会会议全年不少于四次") };
        var (harness, _, sink) = await StartAsync("2026-01-04T08:30:00", duties: duties);

        await harness.RunAsync(Branch);

        var open = Assert.Single(sink.OfKind(":支部委员会:2026:open:"));
        Assert.Equal("sec", open.MemberId);
        Assert.Contains("本年度需召开支部委员会会议不少于4次（已完成 0/4 次）", open.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(sink.OfKind(":支部委员会:2026:"), d => d.MemberId != "sec");
    }

    [Theory]
    [InlineData(1, "2026-06-23T08:30:00", "pace-2", true)] // behind: 1 of the 2 due by June 30
    [InlineData(2, "2026-06-23T08:30:00", "pace-2", false)] // on pace: silent
    [InlineData(1, "2026-03-24T08:30:00", "pace-1", false)]
    [InlineData(0, "2026-03-24T08:30:00", "pace-1", true)]
    public async Task Run_PacingCheckpoint_SecretariesToldOnlyWhenBehind(int confirmations, string now, string kind, bool told)
    {
        var duties = new[] { DutyRules.Rule("支部委员会", "P1Y", 4, summary: "支部委员会会议全年不少于四次") };
        var (harness, _, sink) = await StartAsync("2026-01-10T10:00:00", duties: duties);
        for (var i = 0; i < confirmations; i++)
        {
            harness.Time.SetUtcNow(Local($"2026-01-1{i}T10:00:00"));
            await harness.Responses.HandleAsync(Branch, "sec", "已完成 支部委员会 2026", $"act-{i}", default);
        }

        harness.Time.SetUtcNow(Local(now));
        await harness.RunAsync(Branch);

        var sent = sink.OfKind($":支部委员会:2026:{kind}:");
        Assert.Equal(told, sent.Count == 1);
        if (told)
        {
            Assert.Contains($"已完成 {confirmations}/4 次，按进度", sent[0].Message.Text, StringComparison.Ordinal);
        }
    }
}
