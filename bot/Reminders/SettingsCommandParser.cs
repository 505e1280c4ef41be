using System.Globalization;
using System.Text.RegularExpressions;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.Reminders;

/// <summary>
/// Reads the secretary's settings commands: 设置主题党日 每月第一个周五 15:00 三楼会议室, 设置党费日 每月1日 20日,
/// 设置提醒 提前3天 08:30 当天 08:30, 设置免打扰 21:30-08:00, 设置依据文件 000 003, 设置时区 Asia/Shanghai, 设置节假日提醒 提前.
/// Parsing checks form only; the scheduler's <see cref="BranchSettingsValidator"/> checks the resulting settings.
/// </summary>
internal static partial class SettingsCommandParser
{
    /// <summary>The prefix of every settings command.</summary>
    public const string Prefix = "设置";

    /// <summary>True when <paramref name="text"/> is a settings command this parser owns.</summary>
    public static bool IsSettingsCommand(string text) =>
        text.TrimStart().StartsWith(Prefix, StringComparison.Ordinal) && Commands.Any(c => text.TrimStart()[Prefix.Length..].TrimStart().StartsWith(c, StringComparison.Ordinal));

    private static readonly string[] Commands = ["主题党日", "党费日", "提醒", "免打扰", "依据文件", "时区", "节假日提醒"];

    /// <summary>Parses one command; <paramref name="exampleDate"/> (a working day from the calendar) is the date shown in examples.</summary>
    public static SettingsCommand Parse(string text, DateOnly? exampleDate = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = Normalize(text);
        if (!body.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return SettingsCommand.Fail(ReminderTexts.UnknownSetting);
        }

        body = body[Prefix.Length..].Trim();
        foreach (var command in Commands)
        {
            if (body.StartsWith(command, StringComparison.Ordinal))
            {
                var argument = body[command.Length..].Trim();
                return command switch
                {
                    "主题党日" => ParseThemedDay(argument, exampleDate) is { Rule: { } rule } ok
                        ? SettingsCommand.Ok($"主题党日 {ReminderTexts.Describe(rule)}", s => s with { ThemedDay = rule })
                        : SettingsCommand.Fail(ParseThemedDay(argument, exampleDate).Error!),
                    "党费日" => ParseDuesDays(argument),
                    "提醒" => ParseLeads(argument),
                    "免打扰" => ParseQuietHours(argument),
                    "依据文件" => ParseDocuments(argument),
                    "时区" => argument.Length == 0
                        ? SettingsCommand.Fail(ReminderTexts.UnknownTimeZone(argument))
                        : SettingsCommand.Ok($"时区 {argument}", s => s with { TimeZone = argument }),
                    _ => ParseHolidayShift(argument),
                };
            }
        }

        return SettingsCommand.Fail(ReminderTexts.UnknownSetting);
    }

    /// <summary>
    /// Parses a themed-day rule such as 每月第一个周五 15:00 三楼会议室, 每月15日 14:30, 2026-12-04、2027-01-08 15:00;
    /// <paramref name="exampleDate"/> (a working day from the calendar) is the date shown when the rule is unreadable.
    /// </summary>
    public static (ThemedDayRule? Rule, string? Error) ParseThemedDay(string text, DateOnly? exampleDate = null)
    {
        var input = Normalize(text);
        ThemedDayRule rule;
        string rest;
        if (NthWeekday().Match(input) is { Success: true } nth)
        {
            var weekdayText = nth.Groups["w"].Value;
            var weekday = Weekday(weekdayText);
            var ordinal = nth.Groups["last"].Success ? -1 : Number(nth.Groups["n"].Value);
            if (ordinal is not (-1 or (>= 1 and <= 5)))
            {
                return (null, ordinal > 5
                    ? ReminderTexts.OrdinalTooLarge(ordinal, $"星期{weekdayText}")
                    : ReminderTexts.ThemedDayUnreadable(text, exampleDate));
            }

            rule = new ThemedDayRule { Kind = ThemedDayRuleKind.NthWeekday, Ordinal = ordinal, Weekday = weekday };
            rest = input[nth.Length..];
        }
        else if (MonthDay().Match(input) is { Success: true } day)
        {
            var number = Number(day.Groups["d"].Value);
            if (number is < 1 or > 31)
            {
                return (null, ReminderTexts.DayOutOfRange(number));
            }

            rule = new ThemedDayRule { Kind = ThemedDayRuleKind.DayOfMonth, Day = number };
            rest = input[day.Length..];
        }
        else if (DateList().Match(input) is { Success: true } list)
        {
            var dates = new List<DateOnly>();
            foreach (Match date in ExplicitDate().Matches(list.Value))
            {
                if (!DateOnly.TryParseExact($"{date.Groups["y"].Value}-{int.Parse(date.Groups["m"].Value, CultureInfo.InvariantCulture):00}-{int.Parse(date.Groups["d"].Value, CultureInfo.InvariantCulture):00}",
                        "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    return (null, ReminderTexts.ThemedDayUnreadable(text, exampleDate));
                }

                dates.Add(parsed);
            }

            rule = new ThemedDayRule { Kind = ThemedDayRuleKind.Dates, Dates = dates.Distinct().Order().ToArray() };
            rest = input[list.Length..];
        }
        else
        {
            return (null, ReminderTexts.ThemedDayUnreadable(text, exampleDate));
        }

        rest = rest.Trim();
        if (TimeAtStart().Match(rest) is { Success: true } time)
        {
            if (!TryTime(time.Value, out var at))
            {
                return (null, ReminderTexts.TimeUnreadable(time.Value));
            }

            rule = rule with { Time = at };
            rest = rest[time.Length..].Trim();
        }

        return (rest.Length > 0 ? rule with { Place = rest } : rule, null);
    }

    private static SettingsCommand ParseDuesDays(string argument)
    {
        var text = argument.StartsWith("每月", StringComparison.Ordinal) ? argument[2..] : argument;
        var days = new List<int>();
        foreach (var part in text.Split([' ', '、', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var token = part.TrimEnd('日', '号');
            if (!NumberText().IsMatch(token) || Number(token) is < 1 or > 31)
            {
                return SettingsCommand.Fail(ReminderTexts.DuesDaysUnreadable);
            }

            days.Add(Number(token));
        }

        if (days.Count == 0 || days.Distinct().Count() != days.Count || days.Skip(1).Any(d => d <= days[0]))
        {
            return SettingsCommand.Fail(ReminderTexts.DuesDaysUnreadable);
        }

        return SettingsCommand.Ok($"党费日 每月{string.Join("、", days.Select(d => $"{d}日"))}", s => s with { DuesDays = days });
    }

    private static SettingsCommand ParseLeads(string argument)
    {
        var leads = new List<ReminderLead>();
        foreach (Match lead in Lead().Matches(argument))
        {
            var days = lead.Groups["today"].Success ? 0 : Number(lead.Groups["n"].Value);
            if (!TryTime(lead.Groups["t"].Value, out var time))
            {
                return SettingsCommand.Fail(ReminderTexts.TimeUnreadable(lead.Groups["t"].Value));
            }

            leads.Add(new ReminderLead(days, time));
        }

        if (leads.Count == 0 || Lead().Replace(argument, string.Empty).Trim().Length > 0)
        {
            return SettingsCommand.Fail(ReminderTexts.LeadsUnreadable);
        }

        var ordered = leads.Distinct().OrderByDescending(l => l.DaysBefore).ThenBy(l => l.Time).ToArray();
        var summary = string.Join("，", ordered.Select(l => l.DaysBefore == 0 ? $"当天 {l.Time:HH\\:mm}" : $"提前{l.DaysBefore}天 {l.Time:HH\\:mm}"));
        return SettingsCommand.Ok($"提醒 {summary}", s => s with { Leads = ordered });
    }

    private static SettingsCommand ParseQuietHours(string argument)
    {
        var match = QuietWindow().Match(argument);
        if (!match.Success || !TryTime(match.Groups["a"].Value, out var start) || !TryTime(match.Groups["b"].Value, out var end))
        {
            return SettingsCommand.Fail(ReminderTexts.QuietHoursUnreadable);
        }

        return SettingsCommand.Ok($"免打扰 {start:HH\\:mm}-{end:HH\\:mm}", s => s with { QuietHours = new QuietHours(start, end) });
    }

    private static SettingsCommand ParseDocuments(string argument)
    {
        if (argument is "全部" or "所有")
        {
            return SettingsCommand.Ok("依据文件 全部", s => s with { BindingDocuments = [] });
        }

        var ids = argument.Split([' ', '、', ','], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        return ids.Length == 0
            ? SettingsCommand.Fail(ReminderTexts.UnknownDocument(argument, []))
            : SettingsCommand.Ok($"依据文件 {string.Join("、", ids)}", s => s with { BindingDocuments = ids });
    }

    private static SettingsCommand ParseHolidayShift(string argument)
    {
        HolidayShift? shift = argument switch
        {
            "提前" or "前一个工作日" => HolidayShift.Previous,
            "顺延" or "后一个工作日" => HolidayShift.Next,
            "不调整" => HolidayShift.None,
            _ => null,
        };
        return shift is { } value
            ? SettingsCommand.Ok($"节假日提醒 {argument}", s => s with { HolidayShift = value })
            : SettingsCommand.Fail(ReminderTexts.HolidayShiftUnreadable);
    }

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Replace('：', ':').PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static string Normalize(string text) => text.Trim().Replace('：', ':').Replace('，', ',').Replace('\u3000', ' ');

    private static DayOfWeek Weekday(string text) => text switch
    {
        "一" or "1" => DayOfWeek.Monday,
        "二" or "2" => DayOfWeek.Tuesday,
        "三" or "3" => DayOfWeek.Wednesday,
        "四" or "4" => DayOfWeek.Thursday,
        "五" or "5" => DayOfWeek.Friday,
        "六" or "6" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    /// <summary>Reads 1…99 written in digits or Chinese numerals (八, 十五, 二十一).</summary>
    private static int Number(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
        {
            return digits;
        }

        const string numerals = "零一二三四五六七八九";
        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return text.Length == 1 ? numerals.IndexOf(text[0], StringComparison.Ordinal) : -1;
        }

        var tens = ten == 0 ? 1 : numerals.IndexOf(text[0], StringComparison.Ordinal);
        var ones = ten == text.Length - 1 ? 0 : numerals.IndexOf(text[^1], StringComparison.Ordinal);
        return tens < 0 || ones < 0 ? -1 : (tens * 10) + ones;
    }

    [GeneratedRegex(@"^每(?:个)?月(?:第(?<n>[一二三四五六七八九十\d]{1,3})个|(?<last>最后一个|最后1个))(?:星期|周|礼拜)(?<w>[一二三四五六日天1-7])")]
    private static partial Regex NthWeekday();

    [GeneratedRegex(@"^每(?:个)?月(?<d>[一二三四五六七八九十\d]{1,3})(?:日|号)")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"^(?:\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(?:\s*[、,]\s*)?)+")]
    private static partial Regex DateList();

    [GeneratedRegex(@"(?<y>\d{4})[-/年](?<m>\d{1,2})[-/月](?<d>\d{1,2})")]
    private static partial Regex ExplicitDate();

    [GeneratedRegex(@"^\d{1,2}:\d{2}(?!\d)")]
    private static partial Regex TimeAtStart();

    [GeneratedRegex(@"^[一二三四五六七八九十\d]{1,3}$")]
    private static partial Regex NumberText();

    [GeneratedRegex(@"(?:(?<today>当天)|提前(?<n>[一二三四五六七八九十\d]{1,3})天)\s*(?<t>\d{1,2}:\d{2})\s*[,、]?\s*")]
    private static partial Regex Lead();

    [GeneratedRegex(@"^(?<a>\d{1,2}:\d{2})\s*[-~至到—–]\s*(?<b>\d{1,2}:\d{2})$")]
    private static partial Regex QuietWindow();
}
