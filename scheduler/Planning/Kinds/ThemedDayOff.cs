using System.Globalization;

namespace PartyAffairs.Scheduler.Planning.Kinds;

/// <summary>A week before a themed day that falls on a day off, the secretaries are asked whether to move it.</summary>
/// <param name="Day">The themed day.</param>
/// <param name="Holiday">The holiday's name (国庆节 …; computed holidays included), or null for a weekend day.</param>
/// <param name="NearestBefore">The last working day before it.</param>
/// <param name="NearestAfter">The first working day after it.</param>
/// <param name="Suggested">The working day suggested instead: the nearest one in the same month.</param>
/// <param name="ProvisionalYear">The year when the holiday is computed from the law (no State Council notice yet), else null.</param>
public sealed record ThemedDayOff(DateOnly Day, string? Holiday, DateOnly NearestBefore, DateOnly NearestAfter, DateOnly Suggested, int? ProvisionalYear) : ReminderKind
{
    /// <inheritdoc />
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"themed-{Day:MMdd}-dayoff");
}
