using System.Globalization;
using System.Text.RegularExpressions;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>Reads the quantities of a normalised message: study hours, dues months and month counts, amounts, a study topic.</summary>
internal static partial class QuantityReader
{
    /// <summary>Study hours (2学时, 1.5小时, 两个学时, 一个半小时, 半小时, 学时:2) and where they were written; null when none.</summary>
    public static (decimal Hours, int Index, int Length)? Hours(string text)
    {
        if (HoursExpression().Match(text) is { Success: true } m)
        {
            if (!ChineseNumerals.TryParseDecimal(m.Groups["n"].ValueSpan, out var hours))
            {
                return null;
            }

            return (m.Groups["half"].Success ? hours + 0.5m : hours, m.Index, m.Length);
        }

        if (HoursLabel().Match(text) is { Success: true } label
            && decimal.TryParse(label.Groups["n"].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var labelled))
        {
            return (labelled, label.Index, label.Length);
        }

        return null;
    }

    /// <summary>How many months of dues are meant (三个月, 3个月, 半年, 一年/全年), or null.</summary>
    public static int? MonthCount(string text)
    {
        if (MonthCountExpression().Match(text) is { Success: true } m && ChineseNumerals.TryParse(m.Groups["n"].ValueSpan, out var months) && months is >= 1 and <= 24)
        {
            return months;
        }

        if (text.Contains("半年", StringComparison.Ordinal) && !text.Contains("上半年", StringComparison.Ordinal) && !text.Contains("下半年", StringComparison.Ordinal))
        {
            return 6;
        }

        return text.Contains("全年", StringComparison.Ordinal) || text.Contains("一年", StringComparison.Ordinal) || text.Contains("一整年", StringComparison.Ordinal)
            ? 12
            : null;
    }

    /// <summary>
    /// Dues months written as numbers (10、11月; 9月和10月; 10月到12月; 12月份), resolved to the latest such months on or
    /// before today's; the spans they cover, so the date reader does not read them again.
    /// </summary>
    public static (IReadOnlyList<DutyPeriod> Months, IReadOnlyList<Range> Spans) Months(string text, DateOnly today)
    {
        var months = new List<DutyPeriod>();
        var spans = new List<Range>();
        foreach (Match m in MonthList().Matches(text))
        {
            var numbers = MonthNumber().Matches(m.Value);
            DutyPeriod? previous = null;
            var ranging = false;
            foreach (Match number in numbers)
            {
                if (!ChineseNumerals.TryParse(number.Groups["n"].ValueSpan, out var month) || month is < 1 or > 12)
                {
                    continue;
                }

                var year = month > today.Month ? today.Year - 1 : today.Year;
                var period = DutyPeriod.Containing(PeriodUnit.Month, new DateOnly(year, month, 1));
                if (ranging && previous is { } start && start < period)
                {
                    for (var p = start.Next(); p <= period; p = p.Next())
                    {
                        months.Add(p);
                    }
                }
                else
                {
                    months.Add(period);
                }

                ranging = number.Groups["range"].Success;
                previous = period;
            }

            spans.Add(new Range(m.Index, m.Index + m.Length));
        }

        return (months.Distinct().Order().ToArray(), spans);
    }

    /// <summary>The first amount of money (8000, 5000.5元, 8,000); null when none.</summary>
    public static decimal? Amount(string text) =>
        AmountExpression().Match(text) is { Success: true } m
        && decimal.TryParse(m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;

    /// <summary>What was studied or discussed: 《…》, 主题是…, 学的是…, or the rest of “学习 2学时 …”; null when none.</summary>
    public static string? Topic(string text)
    {
        if (BookTitle().Match(text) is { Success: true } book)
        {
            return book.Groups["t"].Value.Trim();
        }

        if (TopicPhrase().Match(text) is { Success: true } phrase)
        {
            return phrase.Groups["t"].Value.Trim();
        }

        if (StudyCommand().Match(text) is { Success: true } study)
        {
            var topic = (study.Groups["a"].Success ? study.Groups["a"].Value : study.Groups["b"].Value).Trim();
            return topic.Length > 0 ? topic : null;
        }

        return null;
    }

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]{1,3}|半)(?<half>个半)?\s*个?\s*(?:学时|小时|课时|钟头)")]
    private static partial Regex HoursExpression();

    [GeneratedRegex(@"学时\s*[:：]\s*(?<n>\d+(?:\.\d+)?)")]
    private static partial Regex HoursLabel();

    [GeneratedRegex(@"(?<n>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*个\s*月")]
    private static partial Regex MonthCountExpression();

    [GeneratedRegex(@"(?<![\d.])(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:月份?)?\s*(?:[、,和及与跟]|到|至|-|~)\s*)*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?(?![\d]|\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])")]
    private static partial Regex MonthList();

    [GeneratedRegex(@"(?<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:月份?)?\s*(?<range>到|至|-|~)?")]
    private static partial Regex MonthNumber();

    [GeneratedRegex(@"(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:元|块)?")]
    private static partial Regex AmountExpression();

    [GeneratedRegex(@"《(?<t>[^》]+)》")]
    private static partial Regex BookTitle();

    [GeneratedRegex(@"(?:主题(?:是|为|:)|学的是|学习内容(?:是|为|:)|学习了?的是)\s*(?<t>[^,;。!?\s][^,;。!?]*)")]
    private static partial Regex TopicPhrase();

    [GeneratedRegex(@"^(?:学习|自学)了?\s*(?:(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]{1,3})(?:个半)?\s*个?\s*(?:学时|小时|课时)\s*(?<a>.*)|(?<b>[^\d\s].*?)\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]{1,3})(?:个半)?\s*个?\s*(?:学时|小时|课时))$")]
    private static partial Regex StudyCommand();
}
