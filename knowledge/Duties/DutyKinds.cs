using System.Text.RegularExpressions;
using PartyAffairs.Knowledge.Vocabulary;

namespace PartyAffairs.Knowledge.Duties;

/// <summary>
/// The canonical duty names (<see cref="Duty.Kind"/>) and the phrasings of the documents that map to each, read from
/// <see cref="PartyVocabulary"/>. The constants are typed handles on names the vocabulary defines.
/// </summary>
public static class DutyKinds
{
    /// <summary>主题党日: the branch's monthly themed party day (主题党日, 党日活动).</summary>
    public const string ThemedPartyDay = "主题党日";

    /// <summary>党费: paying membership dues (交纳/缴纳党费).</summary>
    public const string MembershipDues = "党费";

    /// <summary>支部委员会: the branch committee meeting (党支部委员会会议, 支委会, 支部委员会议).</summary>
    public const string BranchCommittee = "支部委员会";

    /// <summary>党员大会: the branch general meeting (党员大会, 支部党员大会, 支部大会).</summary>
    public const string GeneralMeeting = "党员大会";

    /// <summary>党小组会: the party-group meeting (党小组会; a 党小组's monthly 组织生活会).</summary>
    public const string GroupMeeting = "党小组会";

    /// <summary>党课: a party lecture (讲党课, 上党课, 党课).</summary>
    public const string PartyLecture = "党课";

    /// <summary>组织生活会: the branch's organisational-life meeting.</summary>
    public const string OrganisationalLifeMeeting = "组织生活会";

    /// <summary>民主生活会: the leadership's democratic-life meeting.</summary>
    public const string DemocraticLifeMeeting = "民主生活会";

    /// <summary>民主评议党员: the democratic appraisal of members.</summary>
    public const string MemberAppraisal = "民主评议党员";

    /// <summary>谈心谈话: heart-to-heart talks.</summary>
    public const string HeartToHeartTalk = "谈心谈话";

    /// <summary>述职评议: reporting on one's duties and being appraised (述职评议, 向…述职).</summary>
    public const string DutyReport = "述职评议";

    /// <summary>集中学习: collective study and study-hour quotas (集中学习, 集体学习, 党支部学习, 周一夜学, 学时).</summary>
    public const string CollectiveStudy = "集中学习";

    /// <summary>中心组学习: the leading group's theory study (理论学习中心组).</summary>
    public const string CentralGroupStudy = "中心组学习";

    /// <summary>思想汇报: a member's (written) report of their thinking.</summary>
    public const string ThoughtReport = "思想汇报";

    /// <summary>集中轮训: centralised training (集中轮训, 集中培训, 培训).</summary>
    public const string Training = "集中轮训";

    /// <summary>廉政专题学习: integrity study sessions.</summary>
    public const string IntegrityStudy = "廉政专题学习";

    /// <summary>警示教育: warning education.</summary>
    public const string WarningEducation = "警示教育";

    /// <summary>意识形态: ideology work (its studies, research, reports and checks).</summary>
    public const string Ideology = "意识形态";

    /// <summary>预备党员考察: educating and assessing probationary members.</summary>
    public const string ProbationAssessment = "预备党员考察";

    /// <summary>思想状况分析: analysing members' state of mind.</summary>
    internal const string ThoughtAnalysis = "思想状况分析";

    /// <summary>听取汇报: hearing a subordinate body's work report.</summary>
    internal const string HearReport = "听取汇报";

    /// <summary>工作汇报: reporting one's work to a higher body.</summary>
    internal const string WorkReport = "工作汇报";

    /// <summary>调研: field research at the grass roots.</summary>
    internal const string FieldResearch = "调研";

    /// <summary>专题研究: a meeting that studies one subject.</summary>
    internal const string SubjectStudy = "专题研究";

    /// <summary>检查考核: inspection and assessment.</summary>
    internal const string Inspection = "检查考核";

    /// <summary>通报: informing members of party work.</summary>
    internal const string Briefing = "通报";

    /// <summary>表彰: commending outstanding members.</summary>
    internal const string Commendation = "表彰";

    /// <summary>备案: filing a disciplinary decision with the higher body.</summary>
    internal const string Filing = "备案";

    /// <summary>增补: filling a vacancy on a committee.</summary>
    internal const string VacancyFilling = "增补";

    /// <summary>廉政自省日: the branch's monthly integrity self-examination day.</summary>
    public const string IntegrityDay = "廉政自省日";

    /// <summary>工作部署: planning the year's work (年初有部署).</summary>
    internal const string WorkPlanning = "工作部署";

    /// <summary>工作总结: summing up the year's work (年末有总结).</summary>
    internal const string WorkSummary = "工作总结";

    /// <summary>责任清单: drawing up and filing the responsibility list.</summary>
    public const string ResponsibilityList = "责任清单";

    /// <summary>
    /// Every kind <see cref="Duty.Kind"/> reports. The classifier also knows generic activities (听取汇报, 检查考核, 专题研究 …)
    /// so that a duty naming one is not given the kind of a meeting mentioned nearby; those are reported as null.
    /// </summary>
    public static IReadOnlyList<string> Canonical { get; } = [.. PartyVocabulary.Shipped.DutyKinds.Where(k => k.Reported).Select(k => k.Name)];

    private static readonly HashSet<string> CanonicalSet = [.. Canonical];

    /// <summary>The kinds the scheduler tracks and reminds about (those with a title in the vocabulary), each reliably recognised in the corpus.</summary>
    public static IReadOnlyList<string> Reminded { get; } = [.. PartyVocabulary.Shipped.DutyKinds.Where(k => k.IsTracked).Select(k => k.Name)];

    // Earliest match wins; at the same position the first kind of the vocabulary wins, so the specific kinds come first.
    private static readonly (string Kind, Regex Pattern)[] Rows =
        [.. PartyVocabulary.Shipped.DutyKinds.Select(k => (k.Name, new Regex(k.Phrasing, RegexOptions.CultureInvariant | RegexOptions.Compiled)))];

    // 意识形态, 中心组: topics that name the kind of every duty of the passage they govern.
    private static readonly (string Kind, Regex Pattern)[] PassageTopics =
        [.. Rows.Where(r => PartyVocabulary.Shipped.DutyKind(r.Kind).GovernsPassage)];

    /// <summary>The canonical kind named earliest in <paramref name="text"/>, or null when it names none.</summary>
    public static string? Find(string? text) => Classify(text) is { } kind && IsCanonical(kind) ? kind : null;

    /// <summary>True for a kind <see cref="Duty.Kind"/> reports (one of <see cref="Canonical"/>).</summary>
    public static bool IsCanonical(string? kind) => kind is not null && CanonicalSet.Contains(kind);

    // The canonical kind named earliest in the text, else the generic one named earliest (报送中心组学习情况 is about
    // 中心组学习; 听取机关党建工作汇报 is only a hearing).
    internal static string? Classify(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        string? best = null;
        var bestIndex = int.MaxValue;
        var bestCanonical = false;
        foreach (var (kind, pattern) in Rows)
        {
            var match = pattern.Match(text);
            if (!match.Success)
            {
                continue;
            }

            var canonical = CanonicalSet.Contains(kind);
            if ((canonical && !bestCanonical) || (canonical == bestCanonical && match.Index < bestIndex))
            {
                best = kind;
                bestIndex = match.Index;
                bestCanonical = canonical;
            }
        }

        return best;
    }

    /// <summary>
    /// The topic named earliest in <paramref name="text"/>: 意识形态 or 中心组, words that name the kind of every duty
    /// of the passage they govern (意识形态工作…每年开展1次专题学习、2次专题研究), else null.
    /// </summary>
    public static string? FindTopic(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        string? best = null;
        var bestIndex = int.MaxValue;
        foreach (var (kind, pattern) in PassageTopics)
        {
            var match = pattern.Match(text);
            if (match.Success && match.Index < bestIndex)
            {
                best = kind;
                bestIndex = match.Index;
            }
        }

        return best;
    }
}
