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

    /// <summary>A trigger firing at <paramref name="due"/> (to the second) in <paramref name="zone"/>.</summary>
    public static ITrigger Build(string branchId, ReminderGroup group, DateTimeOffset due, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(due, zone);
        var cron = string.Create(CultureInfo.InvariantCulture, $"{local.Second} {local.Minute} {local.Hour} {local.Day} {local.Month} ? {local.Year}");
        return TriggerBuilder.Create()
            .WithIdentity(Key(branchId, group))
            .ForJob(ReminderTickJob.Key)
            .UsingJobData(ReminderTickJob.BranchKey, branchId)
            .UsingJobData(ReminderTickJob.GroupKey, group.ToString())
            .WithCronSchedule(cron, b => b.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
    }
}
