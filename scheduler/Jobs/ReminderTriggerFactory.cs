using System.Globalization;
using PartyAffairs.Scheduler.Planning;
using Quartz;

namespace PartyAffairs.Scheduler.Jobs;

/// <summary>
/// Builds the one trigger per branch and reminder group: a one-shot cron trigger at the next due reminder, in the branch's
/// time zone, firing once at start-up when it was missed. After each fire the job re-plans and moves the trigger on.
/// </summary>
public static class ReminderTriggerFactory
{
    /// <summary>The trigger group of reminder triggers.</summary>
    public const string TriggerGroup = "reminders";

    /// <summary>The trigger key of a branch's group.</summary>
    public static TriggerKey Key(string branchId, ReminderGroup group) => new($"{branchId}:{group}", TriggerGroup);

    /// <summary>
    /// A trigger firing at <paramref name="due"/> (to the second) in <paramref name="zone"/>, built on the scheduler's clock
    /// (<see cref="IScheduler.TimeProvider"/>): a trigger built on another clock starts at that clock's "now" and may
    /// never fire.
    /// </summary>
    public static ITrigger Build(string branchId, ReminderGroup group, DateTimeOffset due, TimeZoneInfo zone, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        time ??= TimeProvider.System;
        var local = TimeZoneInfo.ConvertTime(due, zone);
        var cron = string.Create(CultureInfo.InvariantCulture, $"{local.Second} {local.Minute} {local.Hour} {local.Day} {local.Month} ? {local.Year}");
        var now = time.GetUtcNow();
        var second = new DateTimeOffset(due.UtcTicks - (due.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return TriggerBuilder.Create(time)
            .WithIdentity(Key(branchId, group))
            .ForJob(ReminderTickJob.Key)
            .UsingJobData(ReminderTickJob.BranchKey, branchId)
            .UsingJobData(ReminderTickJob.GroupKey, group.ToString())
            .StartAt(now < second ? now : second)
            .WithCronSchedule(cron, b => b.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
    }
}
