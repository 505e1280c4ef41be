using System.Text.RegularExpressions;
using PartyAffairs.Knowledge;

namespace PartyAffairs.Scheduler.Duties;

/// <summary>
/// Short names for branch duties the knowledge base extracts without a canonical kind (“结合实际研究制定党支部年度工作计划”
/// → 年度工作计划), so every branch duty can be reminded, confirmed and listed. The name is the key of its completion
/// records, so a name never changes once released. Patterns are data matched against the documents' wording; a duty no
/// pattern names keeps a short form of its summary.
/// </summary>
public static partial class UntypedDutyNames
{
    private static readonly (Regex Pattern, string Name)[] Names =
    [
        (AnnualPlan(), "年度工作计划"),
        (SecretaryReport(), "书记报告工作"),
        (ReportToCommittee(), "向机关党委汇报"),
        (Appraisal(), "党员年度考核"),
        (Commendation(), "评先表彰"),
        (MonthlyPrompts(), "落实上级每月工作提示"),
    ];

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["年度工作计划"] = "制定党支部年度工作计划",
        ["书记报告工作"] = "书记向支委会、党员大会和上级党组织报告工作",
        ["向机关党委汇报"] = "向机关党委汇报工作",
        ["党员年度考核"] = "开展党员年度考核",
        ["评先表彰"] = "开展评先表彰",
        ["落实上级每月工作提示"] = "落实上级每月工作提示",
        ["集中轮训"] = "参加集中轮训",
    };

    /// <summary>
    /// How a duty tracked without a profile is shown, a phrase that reads after “尚未” (尚未开展廉政自省日): the title its
    /// short name has, the vocabulary's title of its kind, else “开展” and the kind.
    /// </summary>
    public static string TitleFor(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (Titles.TryGetValue(kind, out var title))
        {
            return title;
        }

        return PartyAffairs.Knowledge.Vocabulary.PartyVocabulary.Shipped.FindDutyKind(kind)?.Title ?? "开展" + kind;
    }

    /// <summary>The short name of <paramref name="duty"/>: its pattern's name, else its summary shortened to at most 16 characters.</summary>
    public static string For(Duty duty)
    {
        ArgumentNullException.ThrowIfNull(duty);
        foreach (var (pattern, name) in Names)
        {
            if (pattern.IsMatch(duty.Summary))
            {
                return name;
            }
        }

        var summary = Leading().Replace(duty.Summary, string.Empty).Trim('，', '。', '；', ' ');
        return summary.Length <= 16 ? summary : summary[..16];
    }

    [GeneratedRegex("年度(?:工作)?计划")]
    private static partial Regex AnnualPlan();

    [GeneratedRegex("向支部委员会、党员大会和上级党组织报告")]
    private static partial Regex SecretaryReport();

    [GeneratedRegex("向.{0,8}机关党委.{0,6}汇报")]
    private static partial Regex ReportToCommittee();

    [GeneratedRegex("党员年度考核")]
    private static partial Regex Appraisal();

    [GeneratedRegex("表彰")]
    private static partial Regex Commendation();

    [GeneratedRegex("每月提示")]
    private static partial Regex MonthlyPrompts();

    [GeneratedRegex("^(?:每年|每半年|每季度?|每月)(?:至少|不少于)?")]
    private static partial Regex Leading();
}
