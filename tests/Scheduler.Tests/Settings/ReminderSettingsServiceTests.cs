using PartyAffairs.Bot.Reminders;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Scheduler.Settings;
using PartyAffairs.Scheduler.Tests.Delivery;
using PartyAffairs.Tests.Infrastructure;
using PartyAffairs.Scheduler.Tests.Completion;

namespace PartyAffairs.Scheduler.Tests.Settings;

public abstract class ReminderSettingsServiceTests(RedisServerFixture redis, ILedgerBackend ledgers)
{
    private async Task<SchedulerHarness> StartAsync()
    {
        await redis.FlushAsync();
        await ledgers.ResetAsync();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00+08:00", CultureInfo.InvariantCulture));
        return new SchedulerHarness(redis.Connection, time, InMemoryDirectory.WithMembers(3), new LoopbackSink(), ledger: ledgers.Create(redis.Connection));
    }

    [Theory]
    [InlineData("设置主题党日 每月第八个周五", "每月最多有5个星期五")]
    [InlineData("设置主题党日 2026-11-20 15:00", "已经过去")]
    [InlineData("设置免打扰 21:00-21:00", "不能相同")]
    [InlineData("设置依据文件 999", "没有编号为“999”的文件")]
    [InlineData("设置时区 China Standard Time", "不是有效的时区")]
    [InlineData("设置提醒 提前2天 23:00", "免打扰时段内")]
    public async Task ApplyCommand_BadInput_ExplainsAndKeepsPreviousSettings(string command, string expected)
    {
        var harness = await StartAsync();
        var saved = await harness.SettingsService.ApplyCommandAsync("b1", "设置主题党日 每月第一个周五 15:00 三楼会议室", default);
        Assert.True(saved.Saved);

        var outcome = await harness.SettingsService.ApplyCommandAsync("b1", command, default);

        Assert.False(outcome.Saved);
        Assert.Contains(expected, outcome.Reply, StringComparison.Ordinal);
        Assert.Contains("示例", outcome.Reply, StringComparison.Ordinal);
        var stored = await harness.Settings.GetAsync("b1", default);
        Assert.NotNull(stored);
        Assert.Equal(ReminderTexts.Describe(saved.Settings.ThemedDay!), stored.ThemedDay is { } rule ? ReminderTexts.Describe(rule) : null);
        Assert.Equal(saved.Settings.QuietHours, stored.QuietHours);
        Assert.Equal(saved.Settings.TimeZone, stored.TimeZone);
        Assert.Equal(saved.Settings.Leads, stored.Leads.ToArray());
        Assert.Empty(stored.BindingDocuments);
    }

    [Fact]
    public async Task Replace_RepeatedEntries_StoredOnce_AndTooManyRefusedWithoutChange()
    {
        var harness = await StartAsync();
        var date = new DateOnly(2026, 12, 10);

        var outcome = await harness.SettingsService.ReplaceAsync(
            "b1", new BranchReminderSettings { ThemedDay = new ThemedDayRule { Kind = ThemedDayRuleKind.Dates, Dates = [.. Enumerable.Repeat(date, 5_000)] }, DuesDays = [5, 5, 5] }, default);
        var tooMany = await harness.SettingsService.ReplaceAsync(
            "b1", new BranchReminderSettings { SecretaryLeadDays = [.. Enumerable.Range(0, 21)] }, default);
        var stored = await harness.Settings.GetAsync("b1", default);

        Assert.True(outcome.Saved, outcome.Reply);
        Assert.Equal([date], stored!.ThemedDay!.Dates);
        Assert.Equal([5], stored.DuesDays);
        Assert.False(tooMany.Saved);
        Assert.Contains("列表过长", tooMany.Reply, StringComparison.Ordinal);
        Assert.Equal([date], (await harness.Settings.GetAsync("b1", default))!.ThemedDay!.Dates);
    }

    [Fact]
    public async Task ApplyCommand_ThemedDay_StoredAndRoundTrips()
    {
        var harness = await StartAsync();

        var outcome = await harness.SettingsService.ApplyCommandAsync("b1", "设置主题党日 每月第一个周五 15:00 三楼会议室", default);
        var stored = await harness.Settings.GetAsync("b1", default);

        Assert.True(outcome.Saved);
        Assert.Contains("每月第一个星期五 15:00 三楼会议室", outcome.Reply, StringComparison.Ordinal);
        Assert.Equal(ThemedDayRuleKind.NthWeekday, stored!.ThemedDay!.Kind);
        Assert.Equal((1, DayOfWeek.Friday, new TimeOnly(15, 0), "三楼会议室"), (stored.ThemedDay.Ordinal, stored.ThemedDay.Weekday, stored.ThemedDay.Time, stored.ThemedDay.Place));
    }

    [Fact]
    public async Task ApplyCommand_ThemedDayOnDaysOff_SavedWithWarningsNamingTheNearestWorkingDays()
    {
        var harness = await StartAsync();

        var outcome = await harness.SettingsService.ApplyCommandAsync("b1", "设置主题党日 每月第一个周五 15:00 三楼会议室", default);
        var other = await harness.SettingsService.ApplyCommandAsync("b1", "设置免打扰 22:00-07:30", default);

        Assert.True(outcome.Saved);
        Assert.StartsWith("已保存：主题党日 每月第一个星期五 15:00 三楼会议室", outcome.Reply, StringComparison.Ordinal);
        Assert.Contains("\n注意：2027年1月1日为元旦假日，最近的工作日为12月31日（星期四）或1月4日（星期一）", outcome.Reply, StringComparison.Ordinal);
        Assert.Contains("2027年放假安排尚未发布，暂按法定节日计算，调休以国务院通知为准", outcome.Reply, StringComparison.Ordinal);
        Assert.Equal(4, outcome.Warnings.Count);
        Assert.All(outcome.Warnings, w => Assert.Contains(w, outcome.Reply, StringComparison.Ordinal));
        Assert.Equal(ThemedDayRuleKind.NthWeekday, (await harness.Settings.GetAsync("b1", default))!.ThemedDay!.Kind);

        // Another setting does not repeat the themed day's warnings.
        Assert.True(other.Saved);
        Assert.Empty(other.Warnings);
        Assert.DoesNotContain("注意", other.Reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-23T10:00:00", "设置主题党日 2026-11-20 15:00", "示例：设置主题党日 2026-12-07 15:00")]
    [InlineData("2026-09-17T10:00:00", "设置主题党日 2026-09-01 15:00", "示例：设置主题党日 2026-10-08 15:00")] // two weeks on is 国庆节
    [InlineData("2026-12-18T10:00:00", "设置主题党日 2026-12-01 15:00", "示例：设置主题党日 2027-01-04 15:00")] // 元旦 2027, computed
    [InlineData("2026-11-23T10:00:00", "设置主题党日 下周五", "如 2026-12-07")]
    public async Task ApplyCommand_Refused_ExampleDateIsAWorkingDayFromTheCalendar(string now, string command, string expected)
    {
        await redis.FlushAsync();
        var time = new FakeTimeProvider(DateTimeOffset.Parse(now + "+08:00", CultureInfo.InvariantCulture));
        var harness = new SchedulerHarness(redis.Connection, time, InMemoryDirectory.WithMembers(3), new LoopbackSink());

        var outcome = await harness.SettingsService.ApplyCommandAsync("b1", command, default);

        Assert.False(outcome.Saved);
        Assert.Contains(expected, outcome.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribePlan_AfterThemedDaySet_ListsNextRemindersInOrder()
    {
        var harness = await StartAsync();
        await harness.SettingsService.ApplyCommandAsync("b1", "设置主题党日 每月第一个周五 15:00 三楼会议室", default);

        var plan = await harness.SettingsService.DescribePlanAsync("b1", 10, default);

        var lines = plan.Split('\n');
        Assert.Equal("接下来的提醒：", lines[0]);
        Assert.Contains("12月1日（星期二） 08:30 主题党日（2026-12）→ 党员", plan, StringComparison.Ordinal);
        Assert.Contains("12月1日（星期二） 08:30 交纳党费（2026-12）→ 党员", plan, StringComparison.Ordinal);
        Assert.Contains("12月4日（星期五） 08:30 主题党日（2026-12）→ 党员", plan, StringComparison.Ordinal);
        // The next themed day first, then the days with their reminders: ten reminder lines in all.
        Assert.Equal("下一个主题党日：12月4日（星期五）", lines[1]);
        Assert.Equal(10, lines.Count(l => l.Contains('→', StringComparison.Ordinal)));
        Assert.Contains("【12月1日（星期二）】", lines);
    }

    [Fact]
    public async Task DescribePlan_NoThemedDay_SaysHowToSetIt()
    {
        var harness = await StartAsync();

        var plan = await harness.SettingsService.DescribePlanAsync("b1", 5, default);

        Assert.Contains("尚未设置主题党日", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("主题党日（", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribePlan_BeforeFourthQuarter_ListsWindowOpeningAndMembersDutyReminders()
    {
        await redis.FlushAsync();
        await ledgers.ResetAsync();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-09-28T10:00:00+08:00", CultureInfo.InvariantCulture));
        var harness = new SchedulerHarness(redis.Connection, time, InMemoryDirectory.WithMembers(3), new LoopbackSink(), ledger: ledgers.Create(redis.Connection));

        var plan = await harness.SettingsService.DescribePlanAsync("b1", 40, default);

        Assert.Contains("10月8日（星期四） 08:30 召开组织生活会、开展民主评议党员（2026）（开始）→ 书记", plan, StringComparison.Ordinal);
        Assert.Contains("10月8日（星期四） 08:30 完成书记述职评议（2026）（开始）→ 书记", plan, StringComparison.Ordinal);
        Assert.Contains("10月8日（星期四） 08:30 参加党小组会（2026-10）（开始）→ 党员", plan, StringComparison.Ordinal);
        Assert.Contains("10月23日（星期五） 08:30 参加党小组会（2026-10）（未确认者）→ 党员", plan, StringComparison.Ordinal);
    }
}
