using System.Globalization;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.Reminders;

/// <summary>
/// Every sentence of reminders, their answers and the reminder settings, in one place for review (holiday notes and notice
/// errors: <see cref="CalendarTexts"/>). The scheduler decides what is due; <see cref="ReminderWording"/> picks these words.
/// </summary>
internal static class ReminderTexts
{
    /// <summary>Example of the themed-day command.</summary>
    public const string ThemedDayExample = "设置主题党日 每月第一个周五 15:00 三楼会议室";

    /// <summary>Button: confirm done.</summary>
    public const string DoneButton = "已完成";

    /// <summary>Button: ask for leave.</summary>
    public const string LeaveButton = "请假";

    /// <summary>The themed-day rule could not be read; <paramref name="exampleDate"/> is a working day from the calendar.</summary>
    public static string ThemedDayUnreadable(string text, DateOnly? exampleDate = null) =>
        $"无法识别主题党日规则“{text}”。可以写“每月第N个星期X”“每月X日”或具体日期（{(exampleDate is { } example ? $"如 {example:yyyy-MM-dd}" : "yyyy-MM-dd")}），后面可加时间和地点。示例：{ThemedDayExample}";

    /// <summary>An ordinal weekday beyond the fifth.</summary>
    public static string OrdinalTooLarge(int ordinal, string weekday) =>
        $"每月最多有5个{weekday}，无法设置为第{ordinal}个。示例：{ThemedDayExample}";

    /// <summary>A day of month outside 1–31.</summary>
    public static string DayOutOfRange(int day) => $"每月没有{day}日，请写1到31之间的日期。示例：设置主题党日 每月15日 15:00 党员活动室";

    /// <summary>An explicit date already past; <paramref name="exampleDate"/> is a working day from the calendar.</summary>
    public static string DateInPast(DateOnly date, DateOnly exampleDate) =>
        $"{date:yyyy-MM-dd}已经过去，请设置今天以后的日期。示例：设置主题党日 {exampleDate:yyyy-MM-dd} 15:00 三楼会议室";

    /// <summary>A time that is not HH:mm.</summary>
    public static string TimeUnreadable(string text) => $"无法识别时间“{text}”，请写成24小时制。示例：{ThemedDayExample}";

    /// <summary>Quiet hours of zero length.</summary>
    public const string QuietHoursEmpty = "免打扰时段的开始和结束不能相同。示例：设置免打扰 21:30-08:00";

    /// <summary>Quiet hours unreadable.</summary>
    public const string QuietHoursUnreadable = "无法识别免打扰时段。示例：设置免打扰 21:30-08:00";

    /// <summary>Dues days unreadable.</summary>
    public const string DuesDaysUnreadable = "无法识别党费日。第一个日期为月初提醒，之后的日期只提醒尚未确认的党员。示例：设置党费日 每月1日 20日";

    /// <summary>Leads unreadable.</summary>
    public const string LeadsUnreadable = "无法识别提醒时间。示例：设置提醒 提前3天 08:30 当天 08:30";

    /// <summary>A lead of more than 30 days.</summary>
    public const string LeadTooLong = "提前天数应在0到30天之间。示例：设置提醒 提前3天 08:30 当天 08:30";

    /// <summary>A lead time inside quiet hours.</summary>
    public static string LeadInQuietHours(TimeOnly time) => $"提醒时间{time:HH\\:mm}在免打扰时段内，请另选时间。示例：设置提醒 提前3天 08:30 当天 08:30";

    /// <summary>An unknown document id.</summary>
    public static string SettingsListTooLong(int maxDates, int maxDuesDays, int maxShort) =>
        $"设置中的列表过长：主题党日日期最多 {maxDates} 个，缴费日最多 {maxDuesDays} 个，其他列表最多 {maxShort} 项（重复项已合并）。";

    public static string UnknownDocument(string id, IEnumerable<string> known) =>
        $"没有编号为“{id}”的文件。可选：{string.Join("、", known)}。示例：设置依据文件 000 003（或“设置依据文件 全部”）";

    /// <summary>A time zone that is not an IANA id.</summary>
    public static string UnknownTimeZone(string id) => $"“{id}”不是有效的时区（请使用 IANA 时区名）。示例：设置时区 Asia/Shanghai";

    /// <summary>Holiday shift unreadable.</summary>
    public const string HolidayShiftUnreadable = "无法识别节假日调整方式。示例：设置节假日提醒 提前（或 顺延、不调整）";

    /// <summary>An unknown settings command.</summary>
    public const string UnknownSetting = "可以设置：主题党日、党费日、提醒、免打扰、依据文件、时区、节假日提醒。示例：" + ThemedDayExample;

    /// <summary>Settings saved.</summary>
    public static string Saved(string what) => $"已保存：{what}。发送“查看提醒计划”可查看接下来的提醒。";

    /// <summary>Header of the plan listing.</summary>
    public const string PlanHeader = "接下来的提醒：";

    /// <summary>The plan listing's first part: the next themed day.</summary>
    public static string PlanNextThemedDay(DateOnly day) => $"下一个主题党日：{Day(day)}";

    /// <summary>A day's heading in the plan listing.</summary>
    public static string PlanDayHeader(DateOnly day) => $"【{Day(day)}】";

    /// <summary>No upcoming reminders.</summary>
    public const string PlanEmpty = "近期没有待发送的提醒。";

    /// <summary>
    /// Themed day on a holiday, flagged to the secretary with the nearest working days and a suggested date (a working day
    /// of the same month); <paramref name="provisionalYear"/> when the holiday is computed (no State Council notice yet).
    /// </summary>
    public static string ThemedDayOnHoliday(DateOnly date, string holiday, DateOnly before, DateOnly after, DateOnly suggestion, int? provisionalYear) =>
        $"提示：本月主题党日（{Day(date)}）适逢{holiday}，最近的工作日为{Day(before)}或{Day(after)}，请确认是否调整日期。如需调整，可发送：设置主题党日 {suggestion:yyyy-MM-dd} 15:00 地点"
        + (provisionalYear is { } year ? $"（{CalendarTexts.ProvisionalYear(year)}）" : string.Empty);

    /// <summary>Themed day on a weekend without being a holiday.</summary>
    public static string ThemedDayOnDayOff(DateOnly date) => $"提示：本月主题党日（{Day(date)}）不是工作日，请确认是否调整日期。";

    /// <summary>Themed-day reminder text.</summary>
    public static string ThemedDayReminder(DateOnly date, TimeOnly time, string? place, int daysBefore, string rule) =>
        $"【主题党日提醒】{(daysBefore == 0 ? "今天" : $"{daysBefore}天后")}（{Day(date)} {time:HH\\:mm}）开展主题党日{(place is null ? string.Empty : $"，地点：{place}")}。依据：{rule}。参加后请点“已完成”，不能参加请点“请假”。";

    /// <summary>Dues reminder at the start of the month.</summary>
    public static string DuesReminder(string month, string rule) => $"【党费提醒】请按时交纳{month}党费。依据：{rule}。交纳后请点“已完成”。";

    /// <summary>Dues nudge later in the month.</summary>
    public static string DuesNudge(string month, int daysLeft, string rule) => $"【党费提醒】{month}党费尚未确认交纳，距月底还有{daysLeft}天。依据：{rule}。交纳后请点“已完成”。";

    /// <summary>Private arrears nudge.</summary>
    public static string ArrearsMember(int months) =>
        $"【党费提醒】您已连续{months}个月未确认交纳党费。依据党章规定，党员无正当理由连续6个月不交纳党费的，视为自行脱党。请尽快交纳，如有特殊情况请与支部书记联系。";

    /// <summary>Arrears report to the secretary.</summary>
    public static string ArrearsSecretary(int months, IEnumerable<string> names) =>
        $"【党费情况】以下党员已连续{months}个月未确认交纳党费：{string.Join("、", names)}。依据党章规定，无正当理由连续6个月不交纳党费的，视为自行脱党，请及时了解情况、谈心提醒。";

    /// <summary>A secretary's duty reminder with the branch's progress.</summary>
    public static string DutyProgress(string periodName, string titles, string endName, int daysLeft, string rule, int? pendingMembers) =>
        pendingMembers is { } pending
            ? $"【工作提醒】{periodName}尚有{pending}名党员未确认{titles}，距{endName}还有{daysLeft}天。依据：{rule}。"
            : $"【工作提醒】{periodName}尚未{titles}，距{endName}还有{daysLeft}天。依据：{rule}。完成后请点“已完成”。";

    /// <summary>A secretary's reminder of a duty required several times per period, with the count so far.</summary>
    public static string DutyCountProgress(string periodName, string titles, string endName, int daysLeft, string rule, int done, int required) =>
        $"【工作提醒】{periodName}{titles}已完成 {done}/{required} 次，距{endName}还有{daysLeft}天。依据：{rule}。每完成一次请点“已完成”。";

    /// <summary>A pacing reminder of a duty required several times per period.</summary>
    public static string DutyPace(string periodName, string titles, int done, int required, int target, DateOnly checkpoint, string rule) =>
        $"【工作提醒】{periodName}{titles}已完成 {done}/{required} 次，按进度{MonthDay(checkpoint)}前应完成{target}次。依据：{rule}。每完成一次请点“已完成”。";

    /// <summary>The secretaries' reminder when a duty's window opens (本季度需召开组织生活会 …).</summary>
    public static string WindowOpen(string windowName, string titles, DateOnly deadline, int required, int done, string rule) =>
        required > 1
            ? $"【工作提醒】{windowName}需{titles}不少于{required}次（已完成 {done}/{required} 次），请于{MonthDay(deadline)}前完成。依据：{rule}。每完成一次请点“已完成”。"
            : $"【工作提醒】{windowName}需{titles}，请于{MonthDay(deadline)}前完成。依据：{rule}。完成后请点“已完成”。";

    /// <summary>A member's reminder of a members' duty when its period opens (党小组会, 学时 …).</summary>
    public static string MemberDutyReminder(string periodName, string title, DateOnly deadline, int required, string rule) =>
        $"【党员提醒】{periodName}请于{MonthDay(deadline)}前{title}{(required > 1 ? $"（不少于{required}次）" : string.Empty)}。依据：{rule}。完成后请点“已完成”，不能参加请点“请假”。";

    /// <summary>A member's nudge before a members' duty's period ends; only members who have not confirmed receive it.</summary>
    public static string MemberDutyNudge(string periodName, string title, string endName, int daysLeft, int required, string rule) =>
        required > 1
            ? $"【党员提醒】{periodName}{title}尚未完成{required}次，距{endName}还有{daysLeft}天。依据：{rule}。每完成一次请点“已完成”，发送“我的待办”可查看已完成次数。"
            : $"【党员提醒】{periodName}{title}尚未确认完成，距{endName}还有{daysLeft}天。依据：{rule}。完成后请点“已完成”，不能参加请点“请假”。";

    /// <summary>A member's reminder of a quota (学时) when its period opens; the amount is the member's own (班子成员 56).</summary>
    public static string MemberQuotaReminder(string periodName, string title, DateOnly deadline, decimal amount, string unit, string rule) =>
        string.Create(CultureInfo.InvariantCulture, $"【党员提醒】{periodName}请于{MonthDay(deadline)}前{title}，不少于{amount:0.##}{unit}。依据：{rule}。完成后请点“已完成”。");

    /// <summary>A member's nudge of a quota (学时) before its period ends.</summary>
    public static string MemberQuotaNudge(string periodName, string title, string endName, int daysLeft, decimal amount, string unit, string rule) =>
        string.Create(CultureInfo.InvariantCulture, $"【党员提醒】{periodName}{title}（不少于{amount:0.##}{unit}）尚未确认完成，距{endName}还有{daysLeft}天。依据：{rule}。完成后请点“已完成”。");

    /// <summary>The 考察 of a 预备党员, told to the 入党介绍人 and the secretaries (never to the 预备党员).</summary>
    public static string ProbationReview(string periodName, string name, bool extended, DateOnly deadline, string rule) =>
        $"【预备党员考察】{periodName}请对{(extended ? "延长预备期的" : string.Empty)}预备党员{name}进行教育考察，于{MonthDay(deadline)}前向支部汇报考察情况。依据：{rule}。";

    /// <summary>The 考察's title in the plan listing.</summary>
    public const string ProbationReviewTitle = "预备党员考察";

    /// <summary>Who the 考察 goes to, in the plan listing.</summary>
    public const string PlanToIntroducers = "入党介绍人及书记";

    /// <summary>The first line of a digest of <paramref name="count"/> reminders.</summary>
    public static string DigestHeader(int count) => string.Create(CultureInfo.InvariantCulture, $"【今日提醒】共{count}项：");

    /// <summary>One numbered line of a digest.</summary>
    public static string DigestLine(int number, string text) => string.Create(CultureInfo.InvariantCulture, $"{number}. {text}");

    /// <summary>A line's button in a digest: 已完成（第1项）.</summary>
    public static string DigestButton(int number, string title) => string.Create(CultureInfo.InvariantCulture, $"{title}（第{number}项）");

    /// <summary>The digest's one choice confirming every line.</summary>
    public const string AllDoneButton = "全部已完成";

    /// <summary>A period in plain words: 2027年1月, 2027年第一季度, 2027年第6个两月期（11—12月）, 2027年上半年, 2027年.</summary>
    public static string PeriodName(DutyPeriod period)
    {
        var year = period.Start.Year.ToString(CultureInfo.InvariantCulture);
        return period.Unit switch
        {
            PeriodUnit.Month => string.Create(CultureInfo.InvariantCulture, $"{year}年{period.Start.Month}月"),
            PeriodUnit.Quarter => $"{year}年第{"一二三四"[(period.Start.Month - 1) / 3]}季度",
            PeriodUnit.TwoMonths => string.Create(CultureInfo.InvariantCulture, $"{year}年第{(period.Start.Month + 1) / 2}个两月期（{period.Start.Month}—{period.End.Month}月）"),
            PeriodUnit.HalfYear => year + (period.Start.Month == 1 ? "年上半年" : "年下半年"),
            PeriodUnit.Week => string.Create(CultureInfo.InvariantCulture, $"{MonthDay(period.Start)}至{MonthDay(period.End)}"),
            _ => year + "年",
        };
    }

    /// <summary>Reply when one occurrence of a duty required several times is counted.</summary>
    public static string OccurrenceRecorded(string title, string periodKey, int done, int required) =>
        done >= required
            ? $"已记录：{title}（{periodKey}）已完成 {done}/{required} 次，本期要求已达到。"
            : $"已记录：{title}（{periodKey}）已完成 {done}/{required} 次。";

    /// <summary>Reply when today's occurrence was already counted.</summary>
    public static string OccurrenceAlreadyToday(string title, string periodKey, int done, int required) =>
        $"{title}（{periodKey}）今天已记录过一次，同一天只计一次。目前已完成 {done}/{required} 次。";

    /// <summary>Label of an opening reminder in the plan listing.</summary>
    public const string PlanOpenLabel = "（开始）";

    /// <summary>Label of a pacing reminder in the plan listing.</summary>
    public const string PlanPaceLabel = "（进度）";

    /// <summary>Label of a nudge to members who have not confirmed, in the plan listing.</summary>
    public const string PlanNudgeLabel = "（未确认者）";

    /// <summary>Label of a reminder before a deadline, in the plan listing.</summary>
    public const string PlanDueLabel = "（截止前）";

    /// <summary>One line of the plan listing.</summary>
    public static string PlanLine(DateOnly day, TimeOnly time, string title, string periodKey, string label, string audience) =>
        string.Create(CultureInfo.InvariantCulture, $"{Day(day)} {time:HH\\:mm} {title}（{periodKey}）{label}→ {audience}");

    /// <summary>Who a planned reminder goes to, in the plan listing: members.</summary>
    public const string PlanToMembers = "党员";

    /// <summary>Who a planned reminder goes to, in the plan listing: members in arrears and the secretaries.</summary>
    public const string PlanToArrears = "欠缴党员及书记";

    /// <summary>Who a planned reminder goes to, in the plan listing: the secretaries.</summary>
    public const string PlanToSecretaries = "书记";

    /// <summary>Closes the plan listing while the branch has no themed-day rule.</summary>
    public const string PlanNoThemedDay = "尚未设置主题党日。示例：" + ThemedDayExample;

    /// <summary>The themed day as a reminder's title (plan listing).</summary>
    public const string ThemedDayTitle = "主题党日";

    /// <summary>The provisional-year notices' title (plan listing).</summary>
    public const string CalendarNoticeTitle = "节假日数据";

    /// <summary>What the admin API's replace saved.</summary>
    public const string AllSettings = "提醒设置";

    /// <summary>Several duties' titles as one (召开组织生活会、开展民主评议党员).</summary>
    public static string Titles(IEnumerable<string> titles) => string.Join("、", titles);

    /// <summary>Several rules cited as one.</summary>
    public static string Rules(IEnumerable<string> rules) => string.Join("；", rules);

    /// <summary>A clause cited: “《title》一.(三).4：summary”, or “文件003 …” when the corpus lacks the document's title.</summary>
    public static string Clause(string? document, string? documentTitle, string? clauseId, string? summary) =>
        $"{(documentTitle is { } title ? $"《{title.Trim('《', '》')}》" : $"文件{document}")}{clauseId}：{summary}";

    /// <summary>A month as 12月.</summary>
    public static string Month(int month) => string.Create(CultureInfo.InvariantCulture, $"{month}月");

    /// <summary>The current period of a unit, as a reminder opens: 本月, 本季度 …</summary>
    public static string ThisPeriod(PeriodUnit unit) => unit switch
    {
        PeriodUnit.Week => "本周",
        PeriodUnit.Month => "本月",
        PeriodUnit.TwoMonths => "本期（两个月）",
        PeriodUnit.Quarter => "本季度",
        PeriodUnit.HalfYear => "本半年",
        _ => "本年度",
    };

    /// <summary>The end of the current period of a unit, as in “距季末还有14天”.</summary>
    public static string PeriodEnd(PeriodUnit unit) => unit switch
    {
        PeriodUnit.Week => "周末",
        PeriodUnit.Month => "月底",
        PeriodUnit.TwoMonths => "期末",
        PeriodUnit.Quarter => "季末",
        PeriodUnit.HalfYear => "半年末",
        _ => "年底",
    };

    /// <summary>A fixed deadline, as in “距3月31日截止还有14天”.</summary>
    public static string DeadlineEnd(DateOnly deadline) => string.Create(CultureInfo.InvariantCulture, $"{deadline.Month}月{deadline.Day}日截止");

    /// <summary>The rule as a secretary would write it: 每月第一个星期五 15:00 三楼会议室.</summary>
    public static string Describe(ThemedDayRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var when = rule.Kind switch
        {
            ThemedDayRuleKind.DayOfMonth => $"每月{rule.Day}日",
            ThemedDayRuleKind.Dates => string.Join("、", rule.Dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            _ => $"每月{(rule.Ordinal == -1 ? "最后一个" : $"第{"一二三四五"[rule.Ordinal - 1]}个")}{Weekday(rule.Weekday)}",
        };
        var time = rule.Time.ToString("HH:mm", CultureInfo.InvariantCulture);
        return rule.Place is null ? $"{when} {time}" : $"{when} {time} {rule.Place}";
    }

    /// <summary>A weekday as 星期五.</summary>
    public static string Weekday(DayOfWeek day) => "星期" + "日一二三四五六"[(int)day];

    /// <summary>Leave told to the secretary.</summary>
    public static string LeaveNotice(string name, string title, string periodKey) => $"【请假】{name}已就{title}（{periodKey}）请假。";

    /// <summary>Confirmation reply.</summary>
    public static string DoneRecorded(string title, string periodKey) => $"已记录：{title}（{periodKey}）已完成。";

    /// <summary>Leave reply.</summary>
    public static string LeaveRecorded(string title, string periodKey) => $"已记录：{title}（{periodKey}）请假，已告知支部书记。";

    /// <summary>Already recorded.</summary>
    public static string AlreadyRecorded(string title, string periodKey) => $"{title}（{periodKey}）此前已经记录，无需重复确认。";

    /// <summary>The national baseline cited when no document of the branch sets the rule.</summary>
    public const string BaselineRule = "《中国共产党支部工作条例（试行）》";

    /// <summary>The national baseline as a source of the plan API (named as the document, no clause).</summary>
    public const string BaselineDocument = "中国共产党支部工作条例（试行）";

    /// <summary>The dues rule's document as a source of the plan API.</summary>
    public const string DuesDocument = "中国共产党章程";

    /// <summary>The dues rule's documents' titles as a source of the plan API.</summary>
    public const string DuesDocumentTitle = "《中国共产党章程》、《关于中国共产党党费收缴、使用和管理的规定》";

    /// <summary>The dues rule's clause as a source of the plan API.</summary>
    public const string DuesClause = "第八条";

    /// <summary>The dues rule cited.</summary>
    public const string DuesRule = "《中国共产党章程》第八条、《关于中国共产党党费收缴、使用和管理的规定》";

    /// <summary>A date as 12月31日.</summary>
    public static string MonthDay(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Month}月{date.Day}日");

    /// <summary>A date as 11月27日（星期五）.</summary>
    public static string Day(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Month}月{date.Day}日（星期{"日一二三四五六"[(int)date.DayOfWeek]}）");
}
