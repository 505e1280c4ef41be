using PartyAffairs.Bot.Reminders;
using System.Text.Json.Nodes;
using PartyAffairs.Scheduler.Calendar;

namespace PartyAffairs.Scheduler.Tests.Calendar;

public sealed class HolidayNoticeJsonTests
{
    [Fact]
    public void Read_WellFormedNotice_AcceptedWithEveryBlockAndWorkday()
    {
        var problem = HolidayNoticeJson.Read(SampleNotice.For2027().ToJsonString(), 2027, out var notice);

        Assert.Null(problem);
        Assert.NotNull(notice);
        Assert.Equal(2027, notice.Year);
        Assert.Equal(SampleNotice.Source, notice.Source);
        Assert.Equal(HolidayDataOrigin.Loaded, notice.Origin);
        Assert.Equal(StatutoryHolidays.Names, notice.Holidays.Select(h => h.Name));
        Assert.Equal(4, notice.Workdays.Count);
    }

    [Fact]
    public void Write_Notice_ReadsBackTheSame()
    {
        HolidayNoticeJson.Read(SampleNotice.For2027().ToJsonString(), 2027, out var notice);

        Assert.Null(HolidayNoticeJson.Read(HolidayNoticeJson.Write(notice!), 2027, out var again));
        Assert.Equal(HolidayNoticeJson.Write(notice!), HolidayNoticeJson.Write(again!));
    }

    [Fact]
    public void Read_CombinedBlockName_CoversBothHolidays()
    {
        // As in the 2025 notice: “国庆节、中秋节” is one block holding both holidays' days.
        var json = SampleNotice.For2027();
        var holidays = json["holidays"]!.AsArray();
        holidays.RemoveAt(6);
        holidays.RemoveAt(5);
        holidays.Add(SampleNotice.Block("国庆节、中秋节", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03"));

        Assert.Null(HolidayNoticeJson.Read(json.ToJsonString(), 2027, out _));
    }

    public static TheoryData<string, Action<JsonObject>, string> BadNotices() => new()
    {
        { "no source", j => j.Remove("source"), "缺少通知名称 source" },
        { "blank source", j => j["source"] = "  ", "缺少通知名称 source" },
        { "no holidays", j => j.Remove("holidays"), "缺少放假安排 holidays" },
        { "empty holidays", j => j["holidays"] = new JsonArray(), "缺少放假安排 holidays" },
        { "holidays not an array", j => j["holidays"] = "元旦", "“holidays”应为数组" },
        { "workdays not an array", j => j["workdays"] = new JsonObject(), "“workdays”应为数组" },
        { "holiday without name", j => j["holidays"]![1]!.AsObject().Remove("name"), "holidays 第2项缺少名称 name" },
        { "holiday with empty name", j => j["holidays"]![0]!["name"] = "", "holidays 第1项缺少名称 name" },
        { "holiday without dates", j => j["holidays"]![4]!.AsObject().Remove("dates"), "“端午节”缺少放假日期 dates" },
        { "holiday with no dates", j => j["holidays"]![4]!["dates"] = new JsonArray(), "“端午节”缺少放假日期 dates" },
        { "date unreadable", j => j["holidays"]![4]!["dates"] = new JsonArray("2027-6-9"), "“端午节”的日期“2027-6-9”不是 yyyy-MM-dd 格式的日期" },
        { "date not a string", j => j["holidays"]![4]!["dates"] = new JsonArray(20270609), "不是 yyyy-MM-dd 格式的日期" },
        { "date outside the year", j => j["holidays"]![0]!["dates"]!.AsArray().Add("2026-12-31"), "“元旦”的日期 2026-12-31 不在2027年内" },
        { "workday without name", j => j["workdays"]![0]!.AsObject().Remove("name"), "workdays 第1项缺少名称 name" },
        { "workday without date", j => j["workdays"]![0]!.AsObject().Remove("date"), "调休上班日“春节”缺少日期 date" },
        { "workday outside the year", j => j["workdays"]![0]!["date"] = "2028-01-08", "不在2027年内" },
        { "workday on a weekday", j => j["workdays"]![0]!["date"] = "2027-02-19", "2027-02-19 是星期五，调休上班日只能是星期六或星期日" },
        { "day both off and worked", j => j["workdays"]![0]!["date"] = "2027-02-06", "2027-02-06 既列为放假日又列为调休上班日" },
        { "statutory holiday missing", j => j["holidays"]!.AsArray().RemoveAt(4), "缺少法定节日“端午节”" },
        { "statutory holiday renamed", j => j["holidays"]![3]!["name"] = "五一", "缺少法定节日“劳动节”" },
        { "statutory day missing", j => j["holidays"]![1]!["dates"] = new JsonArray("2027-02-06", "2027-02-07", "2027-02-08"), "“春节”的放假日期未包含法定假日 2027-02-05（农历除夕）" },
        { "lunar date wrong", j => j["holidays"]![5]!["dates"] = new JsonArray("2027-09-16"), "“中秋节”的放假日期未包含法定假日 2027-09-15（农历八月十五）" },
        { "not an object", j => j.Clear(), "缺少通知名称 source" },
    };

    [Theory]
    [MemberData(nameof(BadNotices))]
    public void Read_BadNotice_RefusedNamingTheProblem(string name, Action<JsonObject> spoil, string expected)
    {
        var json = SampleNotice.For2027();
        spoil(json);

        var problem = HolidayNoticeJson.Read(json.ToJsonString(), 2027, out var notice) is { } found ? CalendarTexts.Problem(found) : null;

        Assert.True(problem is not null && problem.Contains(expected, StringComparison.Ordinal), $"{name}: {problem}");
        Assert.Null(notice);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    public void Read_NotAJsonObject_RefusedWithAnExample(string text)
    {
        var problem = HolidayNoticeJson.Read(text, 2027, out var notice);

        Assert.Equal(CalendarTexts.NoticeNotJson, CalendarTexts.Problem(problem!));
        Assert.Null(notice);
    }
}
