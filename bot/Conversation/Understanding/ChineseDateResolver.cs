using System.Globalization;
using System.Text.RegularExpressions;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>
/// Finds dates and periods in a normalised message and resolves them against today (the branch's local date):
/// 今天/昨天/前天, 上周五/这周三/周五, 12月3日/12月3号/12/3/2026-12-03, 3号, 本月/上个月/11月/2026年11月, 本季度/第三季度/2026-Q3,
/// 上半年/下半年, 今年/去年/2026, and the reminder buttons' period keys (2026-11, 2026-Q4, 2026-H2, 2026-B6, 2026-W47, 2026).
/// Pure: no clock, no culture-dependent parsing.
/// </summary>
public static partial class ChineseDateResolver
{
    /// <summary>How far back a day without a year still counts as “this” occurrence when resolving to the future.</summary>
    private const int FutureGraceDays = 14;

    /// <summary>Every date or period in <paramref name="text"/>, left to right.</summary>
    public static IReadOnlyList<DateMention> Find(string text, DateOnly today, DateDirection direction)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<DateMention>? found = null;
        foreach (Match match in Expression().Matches(text))
        {
            if (Resolve(match, today, direction) is { } mention)
            {
                (found ??= []).Add(mention);
            }
        }

        return found is null ? [] : found;
    }

    /// <summary>The first day found, or null.</summary>
    public static DateOnly? FirstDate(string text, DateOnly today, DateDirection direction) =>
        Find(text, today, direction).FirstOrDefault(m => m.Date is not null)?.Date;

    private static DateMention? Resolve(Match m, DateOnly today, DateDirection direction)
    {
        DateOnly? date = null;
        DutyPeriod? period = null;
        var g = m.Groups;
        if (g["ymd"].Success)
        {
            date = TryDate(Int(g["y1"]), Int(g["m1"]), Int(g["d1"]));
        }
        else if (g["key"].Success)
        {
            period = KeyPeriod(m, Int(g["y2"]));
        }
        else if (g["ym"].Success)
        {
            period = Num(g["m3"]) is var month and >= 1 and <= 12 ? Month(Int(g["y3"]), month) : null;
        }
        else if (g["md"].Success || g["md2"].Success)
        {
            var (month, day) = g["md"].Success ? (Num(g["m4"]), Num(g["d4"])) : (Int(g["m5"]), Int(g["d5"]));
            date = MonthDay(month, day, today, direction);
        }
        else if (g["rel"].Success)
        {
            date = today.AddDays(RelativeDay(g["rel"].Value));
        }
        else if (g["wd"].Success)
        {
            date = Weekday(g["wrel"].Value, g["wday"].Value, today, direction);
        }
        else if (g["wk"].Success)
        {
            period = DutyPeriod.Containing(PeriodUnit.Week, Monday(today).AddDays(7 * WeekOffset(g["wkrel"].Value)));
        }
        else if (g["mrel"].Success)
        {
            period = DutyPeriod.Containing(PeriodUnit.Month, today.AddMonths(MonthOffset(g["mrel"].Value)));
        }
        else if (g["qrel"].Success)
        {
            period = DutyPeriod.Containing(PeriodUnit.Quarter, today.AddMonths(3 * Offset(g["qr"].Value)));
        }
        else if (g["qn"].Success)
        {
            period = Quarter(Num(g["qnum"]), today, direction);
        }
        else if (g["half"].Success)
        {
            period = DutyPeriod.Containing(PeriodUnit.HalfYear, new DateOnly(today.Year, g["hr"].Value == "上" ? 1 : 7, 1));
        }
        else if (g["yrel"].Success)
        {
            period = Year(today.Year + g["yrel"].Value switch { "去年" or "上一年" => -1, "前年" => -2, "明年" => 1, _ => 0 });
        }
        else if (g["yn"].Success || g["yb"].Success)
        {
            period = Year(Int(g["yn"].Success ? g["y6"] : g["y7"]));
        }
        else if (g["mo"].Success)
        {
            period = MonthOnly(Num(g["m8"]), today, direction);
        }
        else if (g["day"].Success)
        {
            date = DayOnly(Num(g["d9"]), today, direction);
        }

        return date is null && period is null ? null : new DateMention(m.Index, m.Length, date, period);
    }

    private static DutyPeriod? KeyPeriod(Match m, int year)
    {
        var g = m.Groups;
        if (year is < 1 or > 9998)
        {
            return null;
        }

        if (g["q2"].Success)
        {
            return DutyPeriod.Containing(PeriodUnit.Quarter, new DateOnly(year, ((Int(g["q2"]) - 1) * 3) + 1, 1));
        }

        if (g["h2"].Success)
        {
            return DutyPeriod.Containing(PeriodUnit.HalfYear, new DateOnly(year, Int(g["h2"]) == 1 ? 1 : 7, 1));
        }

        if (g["b2"].Success)
        {
            return DutyPeriod.Containing(PeriodUnit.TwoMonths, new DateOnly(year, ((Int(g["b2"]) - 1) * 2) + 1, 1));
        }

        if (g["w2"].Success)
        {
            var week = Int(g["w2"]);
            return week is >= 1 and <= 53 && week <= ISOWeek.GetWeeksInYear(year)
                ? DutyPeriod.Containing(PeriodUnit.Week, DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)))
                : null;
        }

        return Int(g["m2"]) is var month and >= 1 and <= 12 ? Month(year, month) : null;
    }

    private static DateOnly? MonthDay(int month, int day, DateOnly today, DateDirection direction)
    {
        if (TryDate(today.Year, month, day) is not { } date)
        {
            // 2月29日 outside a leap year: try the neighbouring year in the resolving direction.
            return TryDate(today.Year + (direction == DateDirection.Past ? -1 : 1), month, day);
        }

        return direction switch
        {
            DateDirection.Past when date > today => TryDate(today.Year - 1, month, day),
            DateDirection.Future when date < today.AddDays(-FutureGraceDays) => TryDate(today.Year + 1, month, day),
            _ => date,
        };
    }

    private static DateOnly? DayOnly(int day, DateOnly today, DateDirection direction)
    {
        if (day is < 1 or > 31)
        {
            return null;
        }

        var first = new DateOnly(today.Year, today.Month, 1);
        var month = direction switch
        {
            DateDirection.Past when day > today.Day => first.AddMonths(-1),
            DateDirection.Future when day < today.Day => first.AddMonths(1),
            _ => first,
        };
        return TryDate(month.Year, month.Month, day);
    }

    private static DutyPeriod? MonthOnly(int month, DateOnly today, DateDirection direction)
    {
        if (month is < 1 or > 12)
        {
            return null;
        }

        var year = direction switch
        {
            DateDirection.Past when month > today.Month => today.Year - 1,
            DateDirection.Future when month < today.Month => today.Year + 1,
            _ => today.Year,
        };
        return Month(year, month);
    }

    private static DutyPeriod? Quarter(int quarter, DateOnly today, DateDirection direction)
    {
        if (quarter is < 1 or > 4)
        {
            return null;
        }

        var period = DutyPeriod.Containing(PeriodUnit.Quarter, new DateOnly(today.Year, ((quarter - 1) * 3) + 1, 1));
        return direction switch
        {
            DateDirection.Past when period.Start > today => period.Previous().Previous().Previous().Previous(),
            DateDirection.Future when period.End < today => period.Next().Next().Next().Next(),
            _ => period,
        };
    }

    private static DateOnly? Weekday(string relative, string dayText, DateOnly today, DateDirection direction)
    {
        var index = dayText switch
        {
            "一" or "1" => 0,
            "二" or "2" => 1,
            "三" or "3" => 2,
            "四" or "4" => 3,
            "五" or "5" => 4,
            "六" or "6" => 5,
            _ => 6,
        };
        if (relative.Length > 0)
        {
            return Monday(today).AddDays((7 * WeekOffset(relative)) + index);
        }

        var thisWeek = Monday(today).AddDays(index);
        return direction switch
        {
            DateDirection.Past => thisWeek > today ? thisWeek.AddDays(-7) : thisWeek,
            _ => thisWeek < today ? thisWeek.AddDays(7) : thisWeek,
        };
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static int WeekOffset(string relative) => relative switch
    {
        "上上" => -2,
        "上" => -1,
        "下" => 1,
        "下下" => 2,
        _ => 0,
    };

    private static int Offset(string relative) => relative switch
    {
        "上" or "上个" => -1,
        "下" or "下个" => 1,
        _ => 0,
    };

    private static int MonthOffset(string text) => text switch
    {
        "上上个月" => -2,
        "上个月" or "上月" => -1,
        "下个月" or "下月" => 1,
        _ => 0,
    };

    private static int RelativeDay(string text) => text switch
    {
        "大前天" => -3,
        "前天" => -2,
        "昨天" or "昨日" or "昨晚" or "昨儿" => -1,
        "明天" or "明日" or "明晚" or "明早" => 1,
        "后天" => 2,
        "大后天" => 3,
        _ => 0,
    };

    private static DutyPeriod Month(int year, int month) => DutyPeriod.Containing(PeriodUnit.Month, new DateOnly(year, month, 1));

    private static DutyPeriod? Year(int year) => year is >= 1 and <= 9998 ? DutyPeriod.Containing(PeriodUnit.Year, new DateOnly(year, 1, 1)) : null;

    private static DateOnly? TryDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Int(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int Num(Group group) => ChineseNumerals.TryParse(group.ValueSpan, out var value) ? value : -1;

    // Alternatives are tried in order at each position: full dates before month-day before month, keys before bare years.
    [GeneratedRegex("""
        (?<ymd>(?<y1>\d{4})\s*[年/.\-]\s*(?<m1>\d{1,2})\s*[月/.\-]\s*(?<d1>\d{1,2})(?!\d)\s*[日号]?)
        |(?<key>(?<y2>\d{4})-(?:q(?<q2>[1-4])|h(?<h2>[12])|b(?<b2>[1-6])|w(?<w2>\d{2})|(?<m2>\d{2}))(?!\d))
        |(?<ym>(?<y3>\d{4})\s*年\s*(?<m3>\d{1,2}|[零〇一二两三四五六七八九十]{1,3})\s*月份?)
        |(?<md>(?<m4>\d{1,2}|[零〇一二两三四五六七八九十]{1,3})\s*月\s*(?<d4>\d{1,2}|[零〇一二两三四五六七八九十]{1,3})(?![\d个])\s*[日号]?)
        |(?<md2>(?<![\d.])(?<m5>\d{1,2})/(?<d5>\d{1,2})(?![\d/]))
        |(?<rel>大前天|前天|昨天|昨日|昨晚|昨儿|今天|今日|今晚|今早|今儿|大后天|后天|明天|明日|明晚|明早)
        |(?<wd>(?<wrel>上上|上|这|本|下下|下)?(?:个)?(?:周|星期|礼拜)(?<wday>[一二三四五六日天1-7]))
        |(?<wk>(?<wkrel>上上|上|这|本|下)(?:个)?(?:周|星期|礼拜))
        |(?<mrel>上上个月|上个月|上月|这个月|本月|当月|这月|下个月|下月)
        |(?<qrel>(?<qr>本|这个|这|上个|上|下个|下)季度)
        |(?<qn>第?(?<qnum>[一二三四1-4])季度)
        |(?<half>(?<hr>上|下)半年)
        |(?<yrel>今年|本年度|本年|去年|上一年|明年|前年)
        |(?<yn>(?<y6>\d{4})\s*年度?)
        |(?<yb>(?<!\d)(?<y7>20\d{2})(?![\d年月/.\-]))
        |(?<mo>(?<![\d.])(?<m8>\d{1,2}|[零〇一二两三四五六七八九十]{1,3})\s*月份?)
        |(?<day>(?<![\d.])(?<d9>\d{1,2}|[零〇一二两三四五六七八九十]{1,3})\s*[日号])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Expression();
}
