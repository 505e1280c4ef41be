using PartyAffairs.Bot.Reminders;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Scheduler.Tests.Settings;

public sealed class BranchSettingsValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly string[] Documents = ["000", "001", "003"];
    private static readonly WorkingCalendar Calendar = WorkingCalendar.LoadDefault();

    public static TheoryData<string, BranchReminderSettings, string?> Cases() => new()
    {
        { "defaults", new BranchReminderSettings(), null },
        { "past date", new BranchReminderSettings { ThemedDay = new ThemedDayRule { Kind = ThemedDayRuleKind.Dates, Dates = [new DateOnly(2026, 11, 20)] } }, "已经过去" },
        { "today", new BranchReminderSettings { ThemedDay = new ThemedDayRule { Kind = ThemedDayRuleKind.Dates, Dates = [Today] } }, null },
        { "zero quiet", new BranchReminderSettings { QuietHours = new QuietHours(new TimeOnly(21, 0), new TimeOnly(21, 0)) }, "不能相同" },
        { "unknown document", new BranchReminderSettings { BindingDocuments = ["000", "999"] }, "没有编号为“999”的文件" },
        { "windows zone", new BranchReminderSettings { TimeZone = "China Standard Time" }, "不是有效的时区" },
        { "nonsense zone", new BranchReminderSettings { TimeZone = "Mars/Olympus" }, "不是有效的时区" },
        { "lead in quiet hours", new BranchReminderSettings { Leads = [new ReminderLead(1, new TimeOnly(22, 0))] }, "免打扰时段内" },
        { "lead too long", new BranchReminderSettings { Leads = [new ReminderLead(45, new TimeOnly(9, 0))] }, "0到30天" },
        { "a year and a day of dates", new BranchReminderSettings { ThemedDay = new ThemedDayRule { Kind = ThemedDayRuleKind.Dates, Dates = [.. Enumerable.Range(0, 367).Select(Today.AddDays)] } }, "列表过长" },
        { "21 leads", new BranchReminderSettings { Leads = [.. Enumerable.Range(0, 21).Select(d => new ReminderLead(d, new TimeOnly(9, 0)))] }, "其他列表最多 20 项" },
        { "ordinal 8", new BranchReminderSettings { ThemedDay = new ThemedDayRule { Kind = ThemedDayRuleKind.NthWeekday, Ordinal = 8, Weekday = DayOfWeek.Friday } }, "最多有5个星期五" },
    };

    [Fact]
    public void Normalize_RepeatedEntries_MergedAndDatesOrdered_SetsKeepTheirObjects()
    {
        var later = Today.AddDays(30);
        var repeated = new BranchReminderSettings
        {
            ThemedDay = new ThemedDayRule { Kind = ThemedDayRuleKind.Dates, Dates = [later, Today, later, later] },
            DuesDays = [5, 5, 20, 5],
            BindingDocuments = ["001", "001", "003"],
        };
        var sets = new BranchReminderSettings { ThemedDay = new ThemedDayRule { Kind = ThemedDayRuleKind.Dates, Dates = [Today, later] } };

        var merged = BranchSettingsValidator.Normalize(repeated);
        var unchanged = BranchSettingsValidator.Normalize(sets);

        Assert.Equal([Today, later], merged.ThemedDay!.Dates);
        Assert.Equal([5, 20], merged.DuesDays);
        Assert.Equal(["001", "003"], merged.BindingDocuments);
        Assert.Same(sets.ThemedDay, unchanged.ThemedDay);
        Assert.Same(sets.DuesDays, unchanged.DuesDays);

        // 10,000 copies of one date are one date, well within the bound.
        var copies = new BranchReminderSettings { ThemedDay = new ThemedDayRule { Kind = ThemedDayRuleKind.Dates, Dates = [.. Enumerable.Repeat(later, 10_000)] } };
        Assert.Null(BranchSettingsValidator.Validate(BranchSettingsValidator.Normalize(copies), Today, Documents, Calendar));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Settings_AcceptsOrNamesTheProblem(string name, BranchReminderSettings settings, string? expected)
    {
        var error = BranchSettingsValidator.Validate(settings, Today, Documents, Calendar) is { } problem ? SettingsWording.Error(problem) : null;

        if (expected is null)
        {
            Assert.True(error is null, $"{name}: {error}");
        }
        else
        {
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_BadSettings_TypedProblemWithItsData()
    {
        var past = BranchSettingsValidator.Validate(new BranchReminderSettings { ThemedDay = new ThemedDayRule { Kind = ThemedDayRuleKind.Dates, Dates = [new DateOnly(2026, 11, 20)] } }, Today, Documents, Calendar);
        var ordinal = BranchSettingsValidator.Validate(new BranchReminderSettings { ThemedDay = new ThemedDayRule { Kind = ThemedDayRuleKind.NthWeekday, Ordinal = 8, Weekday = DayOfWeek.Friday } }, Today, Documents, Calendar);
        var document = BranchSettingsValidator.Validate(new BranchReminderSettings { BindingDocuments = ["000", "999"] }, Today, Documents, Calendar);
        var quiet = BranchSettingsValidator.Validate(new BranchReminderSettings { Leads = [new ReminderLead(1, new TimeOnly(22, 0))] }, Today, Documents, Calendar);

        Assert.Equal((SettingsErrorCode.DateInPast, new DateOnly(2026, 11, 20), Calendar.ExampleDate(Today)), (past!.Code, past.Date, past.ExampleDate));
        Assert.Equal((SettingsErrorCode.OrdinalOutOfRange, 8, DayOfWeek.Friday), (ordinal!.Code, ordinal.Number, ordinal.Weekday));
        Assert.Equal((SettingsErrorCode.UnknownDocument, "999"), (document!.Code, document.Text));
        Assert.Equal(Documents, document.Known);
        Assert.Equal((SettingsErrorCode.LeadInQuietHours, new TimeOnly(22, 0)), (quiet!.Code, quiet.Time));
    }
}
