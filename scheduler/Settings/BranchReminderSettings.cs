using PartyAffairs.Scheduler.Calendar;

namespace PartyAffairs.Scheduler.Settings;

/// <summary>A branch's reminder settings; every property has a sensible default, so a new branch is reminded at once.</summary>
public sealed record BranchReminderSettings
{
    /// <summary>The default IANA time zone.</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>The themed-day rule; null until the secretary sets one (then no themed-day reminders are sent).</summary>
    public ThemedDayRule? ThemedDay { get; init; }

    /// <summary>Days of the month for dues: the first is the reminder at the start of the month, later ones nudge those who have not confirmed.</summary>
    public IReadOnlyList<int> DuesDays { get; init; } = [1, 20];

    /// <summary>Reminders before an event (default: 3 days before and on the day, both at 08:30).</summary>
    public IReadOnlyList<ReminderLead> Leads { get; init; } = [new(3, new TimeOnly(8, 30)), new(0, new TimeOnly(8, 30))];

    /// <summary>Days before a secretary duty's deadline (period end, window end or fixed date) that the secretary is reminded.</summary>
    public IReadOnlyList<int> SecretaryLeadDays { get; init; } = [14, 3];

    /// <summary>Local hours without reminders (default 21:30–08:00).</summary>
    public QuietHours QuietHours { get; init; } = new(new TimeOnly(21, 30), new TimeOnly(8, 0));

    /// <summary>IANA time zone id of the branch.</summary>
    public string TimeZone { get; init; } = DefaultTimeZone;

    /// <summary>Where a reminder falling on a day off moves.</summary>
    public HolidayShift HolidayShift { get; init; } = HolidayShift.Previous;

    /// <summary>Ids of the source documents that bind the branch; empty means every document of the corpus.</summary>
    public IReadOnlyList<string> BindingDocuments { get; init; } = [];

    /// <summary>The zone; throws <see cref="TimeZoneNotFoundException"/> for an unknown id (settings are validated before they are stored).</summary>
    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
