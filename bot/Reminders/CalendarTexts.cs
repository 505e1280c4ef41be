using System.Globalization;
using PartyAffairs.Scheduler.Calendar;

namespace PartyAffairs.Bot.Reminders;

/// <summary>
/// User-facing sentences about holidays and working days, in one place for review: the provisional-year notes, the
/// day-off warnings of settings, and the operator's errors when a State Council notice is loaded (<see cref="Problem"/>).
/// </summary>
internal static class CalendarTexts
{
    /// <summary>The sentence every provisional-year message carries.</summary>
    public static string ProvisionalYear(int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}年放假安排尚未发布，暂按法定节日计算，调休以国务院通知为准");

    /// <summary>The secretaries' notice while a year is provisional (1 December, and the year's first working day if still so).</summary>
    public static string ProvisionalYearNotice(int year, bool yearStarted) =>
        string.Create(CultureInfo.InvariantCulture,
            $"【节假日提示】{ProvisionalYear(year)}。{(yearStarted ? "目前" : "在此之前")}，提醒按{year}年的法定节日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）避开放假日，调休上班日和连休安排暂未计入。国务院办公厅通知发布后，请联系管理员载入。");

    /// <summary>A warning that a themed day falls on a day off, with the nearest working days.</summary>
    public static string DayOffWarning(DateOnly date, string? holiday, DateOnly before, DateOnly after)
    {
        var what = holiday is not null ? $"{holiday}假日" : $"星期{Weekday(date)}，不是工作日";
        return string.Create(CultureInfo.InvariantCulture,
            $"注意：{date.Year}年{date.Month}月{date.Day}日为{what}，最近的工作日为{Day(before)}或{Day(after)}");
    }

    /// <summary>Closes the warnings when more days off were found than are listed.</summary>
    public static string MoreDaysOff(int count) => string.Create(CultureInfo.InvariantCulture, $"另有{count}个主题党日适逢休息日或节假日，发送“查看提醒计划”可查看。");

    /// <summary>Closes the warnings when a warned day lies in a provisional year.</summary>
    public static string WarningsProvisional(IEnumerable<int> years) =>
        string.Join("；", years.Select(ProvisionalYear)) + "。";

    /// <summary>The note shown with a provisional year's days off.</summary>
    public const string ProvisionalNote = "按《全国年节及纪念日放假办法》计算的法定节日，不含调休上班日和连休安排，以国务院办公厅通知为准。";

    // Operator errors when a notice is loaded (admin API).

    /// <summary>The year in the path is not a year served.</summary>
    public static string YearInvalid(string text) =>
        string.Create(CultureInfo.InvariantCulture, $"年份“{text}”无效：请使用{StatutoryHolidays.FirstYear}–{StatutoryHolidays.LastYear}之间的四位年份，例如 /api/admin/calendar/2027。");

    /// <summary>The body is not a JSON object.</summary>
    public const string NoticeNotJson =
        "请求体不是有效的放假安排 JSON。示例：{\"source\":\"国务院办公厅关于2027年部分节假日安排的通知\",\"holidays\":[{\"name\":\"元旦\",\"dates\":[\"2027-01-01\"]}],\"workdays\":[{\"name\":\"春节\",\"date\":\"2027-02-07\"}]}";

    /// <summary>The body is too large.</summary>
    public const string NoticeTooLarge = "请求体过大（上限 64 KB）。";

    /// <summary>No source.</summary>
    public static string SourceMissing(int year) =>
        string.Create(CultureInfo.InvariantCulture, $"缺少通知名称 source，例如“国务院办公厅关于{year}年部分节假日安排的通知”。");

    /// <summary>No holidays array.</summary>
    public const string HolidaysMissing = "缺少放假安排 holidays（数组，每项含 name 和 dates）。";

    /// <summary>A property is not an array.</summary>
    public static string NotAnArray(string property) => $"“{property}”应为数组。";

    /// <summary>A holiday without a name.</summary>
    public static string HolidayNameMissing(int index) => string.Create(CultureInfo.InvariantCulture, $"holidays 第{index}项缺少名称 name。");

    /// <summary>A holiday without dates.</summary>
    public static string DatesMissing(string name) => $"“{name}”缺少放假日期 dates（数组，yyyy-MM-dd）。";

    /// <summary>An adjusted working day without a name.</summary>
    public static string WorkdayNameMissing(int index) => string.Create(CultureInfo.InvariantCulture, $"workdays 第{index}项缺少名称 name。");

    /// <summary>An adjusted working day without a date.</summary>
    public static string WorkdayDateMissing(string name) => $"调休上班日“{name}”缺少日期 date（yyyy-MM-dd）。";

    /// <summary>A date that is not yyyy-MM-dd.</summary>
    public static string DateUnreadable(string name, string text) => $"“{name}”的日期“{text}”不是 yyyy-MM-dd 格式的日期。";

    /// <summary>A date outside the year.</summary>
    public static string DateOutsideYear(string name, DateOnly date, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"“{name}”的日期 {date:yyyy-MM-dd} 不在{year}年内。");

    /// <summary>An adjusted working day that is not a weekend day.</summary>
    public static string WorkdayNotWeekend(string name, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"调休上班日“{name}”的日期 {date:yyyy-MM-dd} 是星期{Weekday(date)}，调休上班日只能是星期六或星期日。");

    /// <summary>A date both off and worked.</summary>
    public static string BothHolidayAndWorkday(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd} 既列为放假日又列为调休上班日。");

    /// <summary>A statutory holiday of the law is missing.</summary>
    public static string StatutoryHolidayMissing(string holiday, int year, IEnumerable<DateOnly> days) =>
        string.Create(CultureInfo.InvariantCulture,
            $"缺少法定节日“{holiday}”：按{StatutoryHolidays.Law}，{year}年{holiday}放假{string.Join("、", days.Select(MonthDay))}。请按通知补充（名称须含“{holiday}”）。");

    /// <summary>A statutory day off is not inside its holiday.</summary>
    public static string StatutoryDayMissing(string holiday, StatutoryDay day) =>
        string.Create(CultureInfo.InvariantCulture,
            $"“{holiday}”的放假日期未包含法定假日 {day.Date:yyyy-MM-dd}（{day.Rule}）。请核对通知中的日期。");

    /// <summary>Why a notice was refused, for the operator.</summary>
    public static string Problem(HolidayNoticeProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var name = problem.Name ?? string.Empty;
        var date = problem.Date.GetValueOrDefault();
        return problem.Code switch
        {
            HolidayNoticeProblemCode.NotJson => NoticeNotJson,
            HolidayNoticeProblemCode.SourceMissing => SourceMissing(problem.Year),
            HolidayNoticeProblemCode.HolidaysMissing => HolidaysMissing,
            HolidayNoticeProblemCode.NotAnArray => NotAnArray(name),
            HolidayNoticeProblemCode.HolidayNameMissing => HolidayNameMissing(problem.Index),
            HolidayNoticeProblemCode.DatesMissing => DatesMissing(name),
            HolidayNoticeProblemCode.WorkdayNameMissing => WorkdayNameMissing(problem.Index),
            HolidayNoticeProblemCode.WorkdayDateMissing => WorkdayDateMissing(name),
            HolidayNoticeProblemCode.DateUnreadable => DateUnreadable(name, problem.Text ?? string.Empty),
            HolidayNoticeProblemCode.DateOutsideYear => DateOutsideYear(name, date, problem.Year),
            HolidayNoticeProblemCode.WorkdayNotWeekend => WorkdayNotWeekend(name, date),
            HolidayNoticeProblemCode.BothHolidayAndWorkday => BothHolidayAndWorkday(date),
            HolidayNoticeProblemCode.StatutoryHolidayMissing => StatutoryHolidayMissing(name, problem.Year, problem.Dates),
            HolidayNoticeProblemCode.StatutoryDayMissing when problem.StatutoryDay is { } day => StatutoryDayMissing(name, day),
            _ => throw new NotSupportedException($"No words for the notice problem {problem.Code}."),
        };
    }

    private static string MonthDay(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Month}月{date.Day}日");

    private static string Day(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Month}月{date.Day}日（星期{Weekday(date)}）");

    private static char Weekday(DateOnly date) => "日一二三四五六"[(int)date.DayOfWeek];
}
