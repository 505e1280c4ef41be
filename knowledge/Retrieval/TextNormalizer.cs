using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PartyAffairs.Knowledge.Vocabulary;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>
/// Folds the text of clauses and questions onto one vocabulary before indexing and searching: width and case, the
/// documents' own spelling variants (缴纳/交纳, 支委会/支部委员会, 每季/每季度, the slip "l次"), and the short forms members use.
/// </summary>
internal static partial class TextNormalizer
{
    // Applied in order, both to clauses and to questions. Each maps a variant onto the form the documents use most.
    private static readonly (string From, string To)[] Replacements =
    [
        ("缴纳", "交纳"), ("缴党费", "交党费"), ("缴费", "交费"), ("交党费", "交纳党费"),
        ("支委会议", "支部委员会会议"), ("支委会", "支部委员会"), ("支部委员会议", "支部委员会会议"),
        ("支部委员开会", "支部委员会会议"), ("支委开会", "支部委员会会议"),
        ("支部大会", "支部党员大会"), ("全体党员大会", "党员大会"), ("全体党员会", "党员大会"),
        ("一把手", "党组书记"),
        ("党员徽章", "党徽"), ("思政工作", "思想政治工作"),
        // Colloquial words members type that the documents never use: 啥 → 什么, 咋 → 怎么, 支书 → 支部书记,
        // 临时 → 随时, 开会 → 会议, 多会儿 → 什么时候.
        ("啥", "什么"), ("咋", "怎么"), ("多会儿", "什么时候"), ("支书", "支部书记"), ("临时", "随时"),
        ("开会", "会议"),
        // 转接 is the members' order of the documents' 接转; 出差 and 在外地 are how members say the documents' 外出.
        ("转接", "接转"), ("在外地", "外出"), ("出差", "外出"),
        // 管 in 归谁管, 谁来管 is the documents' 负责.
        ("归谁管", "由谁负责"), ("谁来管", "谁负责"), ("谁管", "谁负责"),
        // The documents set up an organization with 设立 and 成立 alike (设立机关党总支, 成立机关党支部).
        ("成立", "设立"),
        // 还没建 is the documents' 尚未建立 (尚未建立机关群团组织的).
        ("还没有建立", "尚未建立"), ("还没有建", "尚未建立"), ("还没建", "尚未建立"), ("没有建立", "尚未建立"), ("没建", "尚未建立"),
    ];

    // 开 before a count is a meeting being held, the documents' 召开 (支委会多久开一回, 一年开几次), never 开展 or 开始.
    [GeneratedRegex(@"(?<!召)开(?=(几|多少|\d+)[次回])")]
    private static partial Regex HoldMeeting();

    [GeneratedRegex(@"(?<!党)小组会")]
    private static partial Regex GroupMeeting();

    // 小组, 小组长 of a question are the party group (党小组, 党小组长); the steering group (领导小组) keeps its name.
    [GeneratedRegex(@"(?<![党导])小组(?!会)")]
    private static partial Regex Group();

    [GeneratedRegex(@"(?<!主题)党日")]
    private static partial Regex PartyDay();

    [GeneratedRegex(@"(?<=\D)l(?=次)")]
    private static partial Regex LatinOneSlip();

    [GeneratedRegex(@"每季(?!度)")]
    private static partial Regex EachQuarter();

    // 过百人, 超过50人, 满100人: the documents' "100人以上".
    [GeneratedRegex(@"(?:超过|过|满)(\d+)人(?!以)")]
    private static partial Regex MoreThanPeople();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    // Chinese numerals before a measure word: 一百人 → 100人, 两个月 → 2个月, 四次 → 4次, 十二次 → 12次, and spoken ranges
    // as the documents write ranges: 一两个月 → 1—2个月, 三五天 → 3—5天.
    [GeneratedRegex(@"[一二两俩仨三四五六七八九十百]+(?=(个|次|人|名|年|天|日|学时|小时|回|项|条|分(?!之)))")]
    private static partial Regex SpokenNumber();

    /// <summary>The normalized form of <paramref name="text"/>.</summary>
    public static string Normalize(string text)
    {
        var s = UnicodeText.ToFormKC(text).ToLowerInvariant();
        s = WhiteSpace().Replace(s, string.Empty);
        s = LatinOneSlip().Replace(s, "1");
        foreach (var (from, to) in Replacements)
        {
            s = s.Replace(from, to, StringComparison.Ordinal);
        }

        s = SpokenNumber().Replace(s, m => ToArabic(m.Value));
        // The comma keeps the word apart: "季度开" must not become the bigram 度召 of "每季度召开1次" of another meeting.
        s = MoreThanPeople().Replace(s, "$1人以上");
        s = HoldMeeting().Replace(s, "，召开");
        s = GroupMeeting().Replace(s, "党小组会");
        s = Group().Replace(s, "党小组");
        s = PartyDay().Replace(s, "主题党日");
        s = EachQuarter().Replace(s, "每季度");
        return s;
    }

    private static string ToArabic(string chinese) =>
        !ChineseNumber.TryParseRange(chinese, out var range) ? chinese
        : range.IsSingle ? range.Min.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{range.Min}—{range.Max}");
}
