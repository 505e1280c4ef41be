using System.Text.RegularExpressions;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>
/// What fact a question asks for, and whether a clause states a fact of that kind about the asked topic: the basis of
/// "the documents do not say" (a question in scope whose fact no candidate clause states). Both sides read normalized
/// text. A value counts only when it stands by a word of the asked topic (<see cref="ConceptLexicon.IsNear"/>), or when
/// the clause's headings name the topic and the clause does not.
/// </summary>
internal static partial class StatedFacts
{
    // The question patterns, tried in this order: the more specific kinds first.
    [GeneratedRegex("满分|多少分|几分|分值|总分|得分|计分|算分|扣多少|扣几")]
    private static partial Regex AsksScore();

    [GeneratedRegex("(换届|任期|一届|届满|改选).{0,8}(多久|几年|多少年|多长|周期)|(多久|几年|多少年|多长时间).{0,6}(换届|一届|改选)")]
    private static partial Regex AsksTerm();

    [GeneratedRegex("多少钱|几块|多少元|几元|[交缴]多少(?![次回])|比例是?多少|标准是?多少|百分之几|几个点|多少比例|什么比例|占多少|占比|配多少|多大比例")]
    private static partial Regex AsksAmount();

    [GeneratedRegex("多少学时|几个?学时|多少个?小时|几个?小时|多少课时|几个?课时|学多久|学多长|培训多久|培训多长")]
    private static partial Regex AsksQuota();

    [GeneratedRegex("(多少|几)(个人|人|名|位|个(?=委员|成员|党员|书记|干部))|人数")]
    private static partial Regex AsksPeople();

    [GeneratedRegex("(多少|几)(?<unit>字|页|篇|项|条|颗|个?等次|档|类|个(?![月小学工季星礼])|成)")]
    private static partial Regex AsksCount();

    [GeneratedRegex("几号|几日(?!内)")]
    private static partial Regex AsksDayOfMonth();

    [GeneratedRegex("什么时候|何时|时间节点|截止|最晚|期限|几月|哪个月|哪天|哪一天|多少天内|几天内|之前要|前要")]
    private static partial Regex AsksDeadline();

    [GeneratedRegex("几[次回]|多少[次回]|频次|频率|是不是每|要不要每|每.{0,4}都|(几|多少)(年|个?月|周|天)[一1][次回评换考]|(多久|多长时间).{0,6}[一1][次回]")]
    private static partial Regex AsksFrequency();

    // 多久 and 多长时间 read by what follows them: 才/就/以后 (培养多久才能) or nothing (预备期多久, 要谈多久) ask how long;
    // 要/内 (多久要补上, 多长时间内) ask by when; a verb phrase (多久向市纪委报告, 多久开) asks how often.
    [GeneratedRegex("(多久|多长时间)(?<next>才|就|能|可以|以后|之后|后|要|得|必须|应|内|之内|以内|[吗呢啊吧呀?？。!！,，]|$)?")]
    private static partial Regex HowLong();

    [GeneratedRegex("多长|多少时间|几年|几个月|多少天|几天|多少年|几周")]
    private static partial Regex AsksDuration();

    // The clause patterns: what a stated fact of each kind looks like.
    [GeneratedRegex(@"\d+(\.\d+)?分")]
    private static partial Regex ScoreValue();

    [GeneratedRegex(@"(任期|每届|一届)[^，。；]{0,4}\d+年|\d+年(一)?(换届|一届|任期)|任期为?\d+")]
    private static partial Regex TermValue();

    [GeneratedRegex(@"\d+(\.\d+)?(元|%|‰)|百分之")]
    private static partial Regex AmountValue();

    [GeneratedRegex(@"\d+(\.\d+)?(学时|课时|小时)|半天")]
    private static partial Regex QuotaValue();

    [GeneratedRegex(@"(?<!\d)\d{1,3}(\.\d+)?(—\d+)?(人|名|个|项|条|颗|次|等次|档|类|%)|半数|过半")]
    private static partial Regex CountValue();

    // A count of things, not of times (the documents count some things in 次: 专题不少于12次, so only a strict reading leaves it out).
    [GeneratedRegex(@"(?<!\d)\d{1,3}(—\d+)?(个|项|条|颗|等次|档|类)")]
    private static partial Regex ThingCountValue();

    [GeneratedRegex(@"(?<!\d)\d{1,4}(—\d+)?(人|名)|半数|过半")]
    private static partial Regex PeopleValue();

    [GeneratedRegex(@"\d+(字|页|篇)")]
    private static partial Regex TextLengthValue();

    [GeneratedRegex(@"\d+日(?!内)|\d+号|月底|月末|底前|七一")]
    private static partial Regex DayValue();

    [GeneratedRegex(@"\d+月|月底|月末|年底|年初|年中|年末|七一|季度|上半年|下半年|日内|之日起|个月内|\d+日|前完成|每(年|月|季度?|半年|周)|按月|按季|随时|及时|期满|之前|结合")]
    private static partial Regex DeadlineValue();

    [GeneratedRegex(@"(?<!每|固定|确定|安排)\d+(\.\d+)?(—\d+)?个?(年|月|天|日|周|小时|学时|课时)(以上|以内|之内|内|左右)?|半天|半年(?!度)")]
    private static partial Regex DurationValue();

    // The documents' answers to "how often" without a count (定期, 随时) or as a limit from an event (3个月内, 30日内).
    [GeneratedRegex(@"定期|经常|随时|不定期|根据需要|及时|\d+(个月|日|天|周|个工作日)(内|以内)|之日起")]
    private static partial Regex LooseFrequency();

    /// <summary>The kind of fact a normalized question asks for, and where its question words stand.</summary>
    public static AskedQuestion Asked(string normalized)
    {
        if (AsksScore().Match(normalized) is { Success: true } score)
        {
            return new(AskedFact.Score, score.Index);
        }

        if (AsksTerm().Match(normalized) is { Success: true } term)
        {
            return new(AskedFact.TermOfOffice, term.Index);
        }

        if (AsksAmount().Match(normalized) is { Success: true } amount)
        {
            return new(AskedFact.Amount, amount.Index);
        }

        if (AsksQuota().Match(normalized) is { Success: true } quota)
        {
            return new(AskedFact.Quota, quota.Index);
        }

        if (AsksFrequency().Match(normalized) is { Success: true } frequency)
        {
            return new(AskedFact.Frequency, frequency.Index);
        }

        if (AsksDayOfMonth().Match(normalized) is { Success: true } day)
        {
            return new(AskedFact.DayOfMonth, day.Index);
        }

        if (HowLong().Match(normalized) is { Success: true } howLong)
        {
            var next = howLong.Groups["next"];
            var fact = !next.Success ? AskedFact.Frequency
                : next.Value is "要" or "得" or "必须" or "应" or "内" or "之内" or "以内" ? AskedFact.Deadline
                : AskedFact.Duration;
            return new(fact, howLong.Index);
        }

        if (AsksDeadline().Match(normalized) is { Success: true } deadline)
        {
            return new(AskedFact.Deadline, deadline.Index);
        }

        if (AsksPeople().Match(normalized) is { Success: true } people)
        {
            return new(AskedFact.People, people.Index);
        }

        if (AsksCount().Match(normalized) is { Success: true } count)
        {
            return new(AskedFact.Count, count.Index, count.Groups["unit"].Value);
        }

        return AsksDuration().Match(normalized) is { Success: true } duration ? new(AskedFact.Duration, duration.Index) : new(AskedFact.None, -1);
    }

    /// <summary>True for the kinds of fact that measure something (how many, how much, how long), whose measured thing is often not a topic (赞成人数, 学习时间).</summary>
    public static bool IsQuantity(AskedFact fact) => fact is AskedFact.Count or AskedFact.People or AskedFact.Amount or AskedFact.Quota or AskedFact.Duration or AskedFact.Score;

    /// <summary>
    /// Whether a clause states a fact of the asked kind about the topic: a value of that kind standing by one
    /// of <paramref name="anchors"/> (the spans of the asked topic's words in the clause), or anywhere in the clause when
    /// only its headings name the topic (<paramref name="anchors"/> empty).
    /// </summary>
    public static bool States(
        AskedQuestion asked, string clause, IReadOnlyList<(int Start, int End)> anchors, bool strict = false, IReadOnlyList<(int Start, int End)>? counts = null)
    {
        var fact = asked.Fact;
        if (fact == AskedFact.Frequency)
        {
            counts ??= ConceptLexicon.CountSpans(clause);
            return (anchors.Count == 0 ? counts.Count > 0 : counts.Any(c => anchors.Any(a => Near(clause, c, a))))
                || LooseFrequency().IsMatch(clause);
        }

        var value = fact switch
        {
            AskedFact.Score => ScoreValue(),
            AskedFact.TermOfOffice => TermValue(),
            AskedFact.Amount => AmountValue(),
            AskedFact.Quota => QuotaValue(),
            AskedFact.Count => asked.Unit is "字" or "页" or "篇" ? TextLengthValue() : strict ? ThingCountValue() : CountValue(),
            AskedFact.People => PeopleValue(),
            AskedFact.DayOfMonth => DayValue(),
            AskedFact.Deadline => DeadlineValue(),
            AskedFact.Duration => DurationValue(),
            _ => null,
        };
        if (value is null)
        {
            return true;
        }

        // A term is written with its own words (每届任期3年, 3年一换届): it needs no anchor.
        var selfAnchored = fact == AskedFact.TermOfOffice;
        foreach (Match m in value.Matches(clause))
        {
            if (selfAnchored || anchors.Count == 0 || anchors.Any(a => Near(clause, (m.Index, m.Index + m.Length), a)))
            {
                return true;
            }
        }

        return false;
    }

    // A value stands by a word when the two are close (ConceptLexicon.IsNear) or in the same phrase, with no ，；。： between.
    private static bool Near(string clause, (int Start, int End) value, (int Start, int End) anchor)
    {
        if (ConceptLexicon.IsNear(clause, value, anchor))
        {
            return true;
        }

        var (from, to) = value.End <= anchor.Start ? (value.End, anchor.Start) : anchor.End <= value.Start ? (anchor.End, value.Start) : (0, 0);
        return to >= from && clause.AsSpan(from, to - from).IndexOfAny(PhraseBreaks) < 0;
    }

    private static readonly System.Buffers.SearchValues<char> PhraseBreaks = System.Buffers.SearchValues.Create("，。；：,;:！？!?");
}
