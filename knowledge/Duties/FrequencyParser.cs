using System.Globalization;
using System.Text.RegularExpressions;
using PartyAffairs.Knowledge.Vocabulary;

namespace PartyAffairs.Knowledge.Duties;

/// <summary>
/// Finds the frequencies, quotas, windows, deadlines and event limits of one sentence of a responsibility list:
/// 每月1次, 全年不少于四次, 每两个月进行一次, 不少于32学时, 一般安排在第四季度, 12月底前, “七一”或年底, 处分决定生效之日起30日内 ….
/// Numbers inside quotation marks (“四个意识”, “三会一课”), years (2020年度) and scoring notes (每次1分) are not frequencies.
/// </summary>
public static partial class FrequencyParser
{
    private const string N = ChineseNumber.Pattern;

    // A number, or the Latin-l slip for 1 directly before 次 ("每月召开 l次").
    private const string CountNumber = "(?:" + N + @"|(?<![A-Za-z])[lIｌ](?=\s*次))";

    private const char Filler = '□';

    // Every expression holds one of these; a sentence without any is skipped before the patterns run.
    private static readonly System.Buffers.SearchValues<char> Triggers = System.Buffers.SearchValues.Create("每全按年月季周次回时前内底末天个七");

    [GeneratedRegex(@"(?<m>" + N + @")月(?:份)?(?:底|末)(?:前|之前)?|(?<m>" + N + @")月(?<d>" + N + @")日(?:前|之前)|(?<ye>年底|年末)(?:前|之前)|(?<qy>“七一”|七一)(?<or>或年底|或年末)?(?<before>前|之前)?|(?<mb>" + N + @")月份?(?:前|之前)")]
    private static partial Regex DeadlinePattern();

    [GeneratedRegex(@"“[^”]*”|""[^""]*""")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"(?:之日起|之日|日起|起|后|在)\s*(?<n>" + N + @")\s*(?<u>个工作日|日|天|周|个月|月|年)(?:内|以内)")]
    private static partial Regex LimitPattern();

    [GeneratedRegex(@"第(?<q>[一二三四1-4１-４])季度|(?<h>上|下)半年|(?<=每年的?|于|在|安排在|定在)(?<m>" + N + @")月(?:份)?(?![底末]|[0-9０-９]|[零〇一二三四五六七八九十]+日)")]
    private static partial Regex WindowPattern();

    [GeneratedRegex(@"每(?:一)?个?(?<n>" + N + @")?个?(?<u>周|星期|月|季度|季|半年|年度|年|日|天)(?<w>初|中(?![心央旬])|末|底(?!前))?")]
    private static partial Regex EveryPattern();

    [GeneratedRegex(@"(?<total>全年)(?!度)|按(?<u>月|季度|季|年|周)(?![龄份节度限])|(?<![每全上下本今明去前后第该0-9０-９零〇一二三四五六七八九十两])年(?<w>初|中(?![心央旬])|末|底(?!前))|(?<![每全上下本今明去前后第该0-9０-９零〇一二三四五六七八九十两])(?<annual>年度)(?=述职)|(?<=(?:制定|制订|开展|实施)(?:(?!作为)[^，。；]){0,20})(?<![每全上下本今明去前后第该0-9０-９零〇一二三四五六七八九十两])(?<annual>年度)(?=考核|(?:工作|学习)?计划)|(?<!每)周(?<wd>[一二三四五六日])(?=夜学|例会)|(?<n>" + N + @")(?<every>年|个月|季度)一(?=评|次|考|检查|换届)")]
    private static partial Regex OtherPeriodPattern();

    [GeneratedRegex(@"(?<q>至少|不少于|不低于|最少|不得少于)?\s*(?<n>" + N + @")\s*(?<u>学时|课时|小时)")]
    private static partial Regex QuotaPattern();

    [GeneratedRegex(@"(?<![每第])(?<q>至少|不少于|不低于|最少|不得少于)?\s*(?<n>" + CountNumber + @")\s*(?:[—\-－~～至到]\s*(?<n2>" + N + @")\s*)?(?<u>次|回)(?!性)(?<more>以上)?|(?<=固定|安排|确定)(?<n>" + N + @")(?<u>天)|(?<=确定|选取|选出|明确|培育|打造|形成)(?<n>" + N + @")(?:[—\-－~～至到](?<n2>" + N + @"))?(?<u>个)")]
    private static partial Regex CountPattern();

    private enum TokenType
    {
        Period,
        Count,
        Quota,
        Limit,
        Deadline,
        Window,
    }

    private sealed record Token(TokenType Type, int Start, int End)
    {
        public string Period { get; init; } = "";

        public string PeriodText { get; init; } = "";

        public int? Count { get; init; }

        public int? CountMax { get; init; }

        public DutyQuota? Quota { get; init; }

        public CountQualifiers Qualifiers { get; init; }

        public string? Window { get; init; }

        public string? Deadline { get; init; }
    }

    /// <summary>
    /// Every expression of <paramref name="sentence"/>, in reading order; one sentence may hold several. A count with no
    /// period of its own takes <paramref name="defaultPeriod"/> (P1Y for an annual list: 2020年度…责任清单), or is dropped.
    /// </summary>
    public static IReadOnlyList<FrequencyExpression> Parse(string sentence, string? defaultPeriod = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (sentence.AsSpan().IndexOfAny(Triggers) < 0)
        {
            return [];
        }

        var masked = sentence.ToCharArray();
        var tokens = new List<Token>();

        Scan(sentence, masked, DeadlinePattern(), tokens, ReadDeadline);
        foreach (Match quote in QuotedPattern().Matches(new string(masked)))
        {
            Mask(masked, quote.Index, quote.Length);
        }

        Scan(sentence, masked, LimitPattern(), tokens, ReadLimit);
        Scan(sentence, masked, WindowPattern(), tokens, ReadWindow);
        Scan(sentence, masked, EveryPattern(), tokens, ReadEvery);
        Scan(sentence, masked, OtherPeriodPattern(), tokens, ReadOtherPeriod);
        Scan(sentence, masked, QuotaPattern(), tokens, ReadQuota);
        Scan(sentence, masked, CountPattern(), tokens, ReadCount);
        tokens.Sort((a, b) => a.Start.CompareTo(b.Start));

        var result = new List<FrequencyExpression>();
        foreach (var (partStart, partEnd) in TextSpans.Parts(sentence, 0, sentence.Length))
        {
            var inPart = tokens.Where(t => t.Start >= partStart && t.Start < partEnd).ToList();
            if (inPart.Count > 0)
            {
                result.AddRange(Assemble(sentence, partStart, partEnd, inPart, defaultPeriod));
            }
        }

        return result;
    }

    private static void Scan(string sentence, char[] masked, Regex pattern, List<Token> tokens, Func<Match, string, Token?> read)
    {
        foreach (Match match in pattern.Matches(new string(masked)))
        {
            if (read(match, sentence) is { } token)
            {
                tokens.Add(token);
                Mask(masked, match.Index, match.Length);
            }
        }
    }

    private static void Mask(char[] masked, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            masked[i] = Filler;
        }
    }

    private static int? Number(Group group) =>
        group.Success && ChineseNumber.TryParse(group.Value, out var value) ? value : null;

    // A count may be a spoken range (一两次, 两三次): its minimum is the count, its maximum the range's end.
    private static (int Min, int Max)? CountRange(Group group) =>
        group.Success && ChineseNumber.TryParseRange(group.Value, out var range) && range.Min == decimal.Truncate(range.Min) && range.Max <= int.MaxValue
            ? ((int)range.Min, (int)decimal.Truncate(range.Max))
            : null;

    private static Token? ReadDeadline(Match m, string sentence)
    {
        string? deadline = null;
        if (m.Groups["d"].Success)
        {
            deadline = MonthDay(Number(m.Groups["m"]), Number(m.Groups["d"]));
        }
        else if (m.Groups["m"].Success)
        {
            var month = Number(m.Groups["m"]);
            deadline = month is >= 1 and <= 12 ? MonthDay(month, DateTime.DaysInMonth(2001, month.Value)) : null;
        }
        else if (m.Groups["ye"].Success)
        {
            deadline = "--12-31";
        }
        else if (m.Groups["qy"].Success)
        {
            // “七一” is 1 July, the Party's anniversary; “七一”或年底 keeps the earlier date (the summary keeps both).
            if (!m.Groups["qy"].Value.Contains('“', StringComparison.Ordinal) && !m.Groups["before"].Success && !m.Groups["or"].Success)
            {
                return null;
            }

            deadline = "--07-01";
        }
        else if (m.Groups["mb"].Success)
        {
            // N月前: before month N begins.
            var month = Number(m.Groups["mb"]);
            deadline = month is >= 2 and <= 12 ? MonthDay(month - 1, DateTime.DaysInMonth(2001, month.Value - 1)) : null;
        }

        return deadline is null ? null : new Token(TokenType.Deadline, m.Index, m.Index + m.Length) { Deadline = deadline };
    }

    private static string? MonthDay(int? month, int? day) =>
        month is >= 1 and <= 12 && day is >= 1 && day <= DateTime.DaysInMonth(2004, month.Value)
            ? string.Create(CultureInfo.InvariantCulture, $"--{month:00}-{day:00}")
            : null;

    private static Token? ReadLimit(Match m, string sentence)
    {
        var n = Number(m.Groups["n"]);
        if (n is not > 0)
        {
            return null;
        }

        var unit = m.Groups["u"].Value switch
        {
            "个工作日" or "日" or "天" => "D",
            "周" => "W",
            "个月" or "月" => "M",
            _ => "Y",
        };
        var textStart = m.Groups["n"].Index;
        return new Token(TokenType.Limit, textStart, m.Index + m.Length)
        {
            Period = Iso(n.Value, unit),
            PeriodText = sentence[textStart..(m.Index + m.Length)],
            Count = 1,
        };
    }

    private static Token? ReadWindow(Match m, string sentence)
    {
        string? window = null;
        if (m.Groups["q"].Success)
        {
            window = "Q" + (m.Groups["q"].Value switch { "一" or "1" or "１" => 1, "二" or "2" or "２" => 2, "三" or "3" or "３" => 3, _ => 4 })
                .ToString(CultureInfo.InvariantCulture);
        }
        else if (m.Groups["h"].Success)
        {
            window = m.Groups["h"].Value == "上" ? "H1" : "H2";
        }
        else if (Number(m.Groups["m"]) is { } month && month is >= 1 and <= 12)
        {
            window = "M" + month.ToString(CultureInfo.InvariantCulture);
        }

        return window is null ? null : new Token(TokenType.Window, m.Index, m.Index + m.Length) { Window = window };
    }

    private static Token? ReadEvery(Match m, string sentence)
    {
        var n = m.Groups["n"].Success ? Number(m.Groups["n"]) : 1;
        if (n is not > 0)
        {
            return null;
        }

        var (amount, unit) = m.Groups["u"].Value switch
        {
            "周" or "星期" => (n.Value, "W"),
            "月" => (n.Value, "M"),
            "季度" or "季" => (3 * n.Value, "M"),
            "半年" => (6 * n.Value, "M"),
            "日" or "天" => (n.Value, "D"),
            _ => (n.Value, "Y"),
        };
        return new Token(TokenType.Period, m.Index, m.Index + m.Length)
        {
            Period = Iso(amount, unit),
            PeriodText = m.Value,
            Window = YearPartWindow(m.Groups["w"]),
        };
    }

    private static Token? ReadOtherPeriod(Match m, string sentence)
    {
        if (m.Groups["every"].Success)
        {
            // 两年一评: every N years (months, quarters), once.
            if (Number(m.Groups["n"]) is not { } n || n <= 0)
            {
                return null;
            }

            var (amount, unit) = m.Groups["every"].Value switch { "年" => (n, "Y"), "季度" => (3 * n, "M"), _ => (n, "M") };
            return new Token(TokenType.Period, m.Index, m.Index + m.Length) { Period = Iso(amount, unit), PeriodText = m.Value + "一" };
        }

        var period = m.Groups["u"].Success
            ? m.Groups["u"].Value switch { "月" => "P1M", "季度" or "季" => "P3M", "周" => "P1W", _ => "P1Y" }
            : m.Groups["wd"].Success ? "P1W" : "P1Y";
        return new Token(TokenType.Period, m.Index, m.Index + m.Length)
        {
            Period = period,
            PeriodText = m.Value,
            Window = YearPartWindow(m.Groups["w"]),
        };
    }

    // 年初 → Q1, 年中 → M6 (the half-year mark), 年末/年底 → Q4.
    private static string? YearPartWindow(Group group) => !group.Success ? null : group.Value switch
    {
        "初" => "Q1",
        "中" => "M6",
        _ => "Q4",
    };

    private static Token? ReadQuota(Match m, string sentence)
    {
        if (!ChineseNumber.TryParseDecimal(m.Groups["n"].Value, out var amount) || amount <= 0)
        {
            return null;
        }

        return new Token(TokenType.Quota, m.Index, m.Index + m.Length)
        {
            Quota = new DutyQuota(amount, m.Groups["u"].Value == "课时" ? "学时" : m.Groups["u"].Value),
            Qualifiers = m.Groups["q"].Success ? CountQualifiers.AtLeast : CountQualifiers.None,
        };
    }

    private static Token? ReadCount(Match m, string sentence)
    {
        if (CountRange(m.Groups["n"]) is not { } spoken || spoken.Min <= 0)
        {
            return null;
        }

        var count = spoken.Min;
        var max = Number(m.Groups["n2"]) ?? spoken.Max;
        var qualifiers = m.Groups["q"].Success || m.Groups["more"].Success ? CountQualifiers.AtLeast : CountQualifiers.None;
        return new Token(TokenType.Count, m.Index, m.Index + m.Length)
        {
            Count = count,
            CountMax = max > count ? max : null,
            Qualifiers = qualifiers,
        };
    }

    private static string Iso(int amount, string unit) => string.Create(CultureInfo.InvariantCulture, $"P{amount}{unit}");

    private static IEnumerable<FrequencyExpression> Assemble(string text, int partStart, int partEnd, List<Token> tokens, string? defaultPeriod)
    {
        var chunks = TextSpans.Chunks(text, partStart, partEnd);
        int ChunkOf(int position) => chunks.FindIndex(c => position >= c.Start && position <= c.End);

        var drafts = new List<Draft>();
        Token? period = null;
        var periodUsed = false;
        var boundaries = tokens.Where(t => t.Type is not (TokenType.Deadline or TokenType.Window)).ToList();

        void CloseImplicit()
        {
            if (period is not null && !periodUsed)
            {
                drafts.Add(new Draft(period, period, Implicit: true));
            }
        }

        foreach (var token in boundaries)
        {
            switch (token.Type)
            {
                case TokenType.Period:
                    CloseImplicit();
                    period = token;
                    periodUsed = false;
                    break;
                case TokenType.Limit:
                    drafts.Add(new Draft(token, null, Implicit: false));
                    break;
                default:
                    var own = period;
                    if (own is null)
                    {
                        // A count before its period within the same chunk ("1次以上 … 每年" is rare, but 至少1次…每年 is not wrong).
                        var chunk = ChunkOf(token.Start);
                        own = boundaries.FirstOrDefault(t => t.Type == TokenType.Period && t.Start > token.Start && ChunkOf(t.Start) == chunk);
                        if (own is not null)
                        {
                            period = own;
                        }
                        else if (defaultPeriod is not null)
                        {
                            drafts.Add(new Draft(token, new Token(TokenType.Period, -1, -1) { Period = defaultPeriod }, Implicit: false));
                            continue;
                        }
                        else
                        {
                            continue;
                        }
                    }

                    periodUsed = true;
                    drafts.Add(new Draft(token, own, Implicit: false));
                    break;
            }
        }

        CloseImplicit();
        drafts.Sort((a, b) => a.Anchor.Start.CompareTo(b.Anchor.Start));

        var windows = new Dictionary<Draft, string>(ReferenceEqualityComparer.Instance);
        var deadlines = new Dictionary<Draft, string>(ReferenceEqualityComparer.Instance);
        foreach (var token in tokens.Where(t => t.Type is TokenType.Deadline or TokenType.Window))
        {
            var target = drafts.LastOrDefault(d => d.Anchor.Start < token.Start) ?? drafts.FirstOrDefault();
            if (token.Type == TokenType.Window)
            {
                if (target is not null)
                {
                    windows.TryAdd(target, token.Window!);
                }

                continue;
            }

            if (target is null || deadlines.ContainsKey(target))
            {
                // A fixed date with no frequency of its own recurs every year (3月底前通过平台报送).
                target = new Draft(token, null, Implicit: true);
                drafts.Add(target);
            }

            deadlines.TryAdd(target, token.Deadline!);
        }

        drafts.Sort((a, b) => a.Anchor.Start.CompareTo(b.Anchor.Start));
        var previousEnd = -1;
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var anchor = draft.Anchor;
            var chunkIndex = ChunkOf(anchor.Start);
            var chunk = chunks[Math.Max(0, chunkIndex)];
            var nextBoundary = drafts.Skip(i + 1).Select(d => d.Anchor.Start).Append(chunk.End).Where(p => p >= anchor.End).DefaultIfEmpty(chunk.End).Min();
            var objectStart = anchor.End;
            var objectEnd = Math.Max(objectStart, Math.Min(nextBoundary, chunk.End));
            var spanStart = previousEnd >= chunk.Start && previousEnd <= anchor.Start ? previousEnd : chunk.Start;
            var periodToken = draft.Period;
            var qualifiers = anchor.Qualifiers | QualifiersBefore(text, spanStart, anchor.Start);
            var isDeadlineOnly = anchor.Type == TokenType.Deadline;

            yield return new FrequencyExpression
            {
                Period = isDeadlineOnly ? "P1Y" : anchor.Type == TokenType.Limit ? anchor.Period : periodToken!.Period,
                PeriodText = isDeadlineOnly ? text[anchor.Start..anchor.End] : anchor.Type == TokenType.Limit ? anchor.PeriodText : periodToken!.PeriodText,
                Count = anchor.Type == TokenType.Quota ? null : anchor.Count ?? 1,
                CountMax = anchor.CountMax,
                Quota = anchor.Quota,
                Qualifiers = qualifiers,
                Window = windows.GetValueOrDefault(draft) ?? periodToken?.Window,
                Deadline = deadlines.GetValueOrDefault(draft),
                IsEventLimit = anchor.Type == TokenType.Limit,
                IsImplicitCount = draft.Implicit,
                AnchorStart = anchor.Start,
                AnchorEnd = anchor.End,
                PeriodStart = periodToken?.Start ?? -1,
                PeriodEnd = periodToken?.End ?? -1,
                ObjectStart = objectStart,
                ObjectEnd = objectEnd,
                ChunkStart = chunk.Start,
                SpanStart = spanStart,
                PartStart = partStart,
            };
            previousEnd = objectEnd;
        }
    }

    private static CountQualifiers QualifiersBefore(string text, int start, int end)
    {
        if (end <= start)
        {
            return CountQualifiers.None;
        }

        var region = text.AsSpan(start, end - start);
        var result = CountQualifiers.None;
        if (region.Contains("一般", StringComparison.Ordinal))
        {
            result |= CountQualifiers.Usually;
        }

        if (region.Contains("原则上", StringComparison.Ordinal))
        {
            result |= CountQualifiers.InPrinciple;
        }

        if (region.Contains("至少", StringComparison.Ordinal) || region.Contains("不少于", StringComparison.Ordinal))
        {
            result |= CountQualifiers.AtLeast;
        }

        return result;
    }

    private sealed record Draft(Token Anchor, Token? Period, bool Implicit);
}
