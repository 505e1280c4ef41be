using System.Globalization;
using PartyAffairs.Scheduler.Jobs;
using PartyAffairs.Scheduler.Planning;
using Quartz;

namespace PartyAffairs.Scheduler.Tests.Jobs;

public sealed class ReminderTriggerFactoryTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void Build_DueTime_CronTriggerInBranchZoneFiringOnceAtThatInstant()
    {
        var due = DateTimeOffset.Parse("2026-12-04T08:30:00+08:00", CultureInfo.InvariantCulture);

        var trigger = ReminderTriggerFactory.Build("b1", ReminderGroup.ThemedDay, due, Shanghai);

        var cron = Assert.IsAssignableFrom<ICronTrigger>(trigger);
        Assert.Equal("Asia/Shanghai", cron.TimeZone.Id);
        Assert.Equal("0 30 8 4 12 ? 2026", cron.CronExpressionString);
        Assert.Equal(ReminderTickJob.Key, trigger.JobKey);
        Assert.Equal(new TriggerKey("b1:ThemedDay", "reminders"), trigger.Key);
        Assert.Equal("b1", trigger.JobDataMap.GetString(ReminderTickJob.BranchKey));
        Assert.Equal(DateTimeOffset.Parse("2026-12-04T00:30:00Z", CultureInfo.InvariantCulture), trigger.GetFireTimeAfter(due.AddDays(-10)));
        Assert.Null(trigger.GetFireTimeAfter(due));
        Assert.Equal((int)CronTriggerMisfireInstruction.FireAndProceed, trigger.MisfireInstructionCode);
    }

    [Fact]
    public void Build_OtherZone_FiresAtThatZonesLocalTime()
    {
        var utc = TimeZoneInfo.FindSystemTimeZoneById("UTC");
        var due = DateTimeOffset.Parse("2027-03-31T08:30:00Z", CultureInfo.InvariantCulture);

        var trigger = ReminderTriggerFactory.Build("b2", ReminderGroup.Duties, due, utc);

        Assert.Equal("UTC", ((ICronTrigger)trigger).TimeZone.Id);
        Assert.Equal(due, trigger.GetFireTimeAfter(due.AddHours(-1)));
    }

    [Fact]
    public void Build_OnASchedulerClockBehindTheSystemClock_StartsOnThatClockAndFiresAtTheDueInstant()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2020-11-02T10:00:00+08:00", CultureInfo.InvariantCulture));
        var due = DateTimeOffset.Parse("2020-11-03T08:30:00+08:00", CultureInfo.InvariantCulture);

        var trigger = ReminderTriggerFactory.Build("b1", ReminderGroup.ThemedDay, due, Shanghai, clock);

        Assert.Equal(clock.GetUtcNow(), trigger.StartTimeUtc);
        Assert.Equal(due, trigger.GetFireTimeAfter(clock.GetUtcNow()));
    }
}
