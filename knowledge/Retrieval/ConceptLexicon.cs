using System.Text.RegularExpressions;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>The topics of the corpus and the intents of questions, matched on normalized text.</summary>
internal static class ConceptLexicon
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Every topic; a topic's index is its bit in <see cref="ClauseFeatures.Concepts"/>.</summary>
    public static IReadOnlyList<Concept> All { get; } =
    [
        C("支部委员会", "支部委员会|支部委员会会议", "支部委员会", 3, "党支部委员会会议多久召开一次？"),
        C("党员大会", "党员大会|党员会议|全体党员开会", "党员大会|党员干部大会", 3, "党员大会多久召开一次？"),
        C("党小组会", "党小组会|党小组.{0,6}(开会|会议|活动|组织生活|会)", "党小组会|党小组.{0,10}组织生活会", 3, "党小组会多久召开一次？"),
        C("主题党日", "主题党日", "主题党日", 3, "主题党日多久开展一次？"),
        C("党费", "党费|交费", "党费", 3, "党费多久交纳一次？"),
        C("组织生活会", "(?<!民主)生活会|组织生活(?!.{0,2}双重)", "组织生活会|组织生活", 2.5, "组织生活会每年召开几次？"),
        C("民主生活会", "民主生活会", "民主生活会", 3, null),
        C("民主评议党员", "(?<!述职)评议|评党员|党员评议|民主测评", "民主评议|评议党员|民主测评", 3, "民主评议党员多久开展一次？"),
        C("述职评议", "述职", "述职", 3, "述职评议在什么时间前完成？"),
        C("学时", "学时|小时|课时|学习时间|培训时间|学习时长|培训时长", "学时", 3, "党员每年集中学习培训要多少学时？"),
        C("党课", "党课|讲课|上课|[讲上][^，。？?]{0,4}课", "党课", 3, "党委书记每年要讲几次党课？"),
        C("中心组学习", "中心组", "中心组", 3, "中心组集体学习每年不少于几次？"),
        C("谈心谈话", "谈.{0,3}心|谈话|聊天|谈谈", "谈心|谈话", 3, "谈心谈话每年至少几次？"),
        C("思想汇报", "思想汇报|书面汇报|汇报思想|(写|交|递).{0,4}汇报", "思想汇报|书面汇报|汇报思想|书面形式汇报", 3, "预备党员多久写一次思想汇报？"),
        C("廉政", "廉政|廉洁|警示教育|反腐|纪律教育", "廉政|警示教育|廉洁", 2.5, "廉政专题学习每年开展几次？"),
        C("意识形态", "意识形态", "意识形态", 3, "意识形态工作每年专题研究几次？"),
        C("思想政治工作", "思想政治|思想动态|思想状况|思想情况|思政", "思想政治工作|思想状况|思想动态", 2.5, "多久向党组织汇报一次思想政治工作情况？"),
        C("发展党员", "发展党员|入党|积极分子|发展对象", "发展党员|入党|积极分子|发展对象", 2.5, null),
        C("预备党员", "预备党员|预备期|转正", "预备党员|预备期|转正", 2.5, null),
        C("组织关系", "组织关系|转关系|关系转|接转", "组织关系", 3, "党员组织关系转接由谁负责？"),
        C("延长预备期", "延长", "延长", 3, null),
        C("换届", "换届|任期|届满", "换届|任期|届满", 3, null),
        C("组织设置", "设立|成立|设置|组建|(?<![建假预])设(?![施计想备定])", "设立|成立|设置", 1.5, "机关党员100人以上设立什么组织？"),
        C("轮训", "轮训", "轮训", 3, "党支部书记每年要参加几次集中轮训？"),
        C("集中学习", "集中学习|集体学习|一起学习|学习活动|夜学|学习制度|学习研讨|学习培训|培训", "集中学习|集体学习|学习制度|夜学|学习研讨|集中培训|教育培训|培训", 1.5, null),
        C("双重组织生活", "双重组织生活|普通党员身份", "双重组织生活|普通党员", 3, null),
        C("调研", "调研|调查研究|下基层|到基层", "调研|调查研究", 2.5, null),
        C("表彰", "表彰|表扬|评优|评先|优秀党员|奖励", "表彰|表扬|奖励|评优", 2, null),
        C("处分", "处分|违纪|处置", "处分|违纪|处置", 2.5, null),
        C("脱党", "脱党|(不|没|未|欠)交|不按.{0,4}交", "脱党|不交纳|不按规定交纳", 3, "连续不交纳党费如何处理？"),
        C("汇报", "汇报|报告|听取", "汇报|报告|听取", 1, null),
        C("党徽", "党徽|徽章", "党徽", 3, null),
        C("学习强国", "学习强国", "学习强国", 3, null),
        C("联系点", "联系点", "联系点", 3, null),
        C("考核", "考核|考评|打分|评分|分值", "考核|考评", 1.5, null),
        C("空缺增补", "空缺|增补|缺额|补选|补齐|缺人|人不够|少了人|补上|补人", "空缺|增补", 3, null),
        C("党务公开", "公开", "公开", 2, null),
        C("经费", "经费|预算|开支|活动费", "经费", 3, null),
        C("工作计划", "计划|部署|规划", "计划|部署|规划", 1.5, null),
        C("志愿服务", "志愿", "志愿", 2.5, null),
        C("督查检查", "督查|检查|督导|督促", "督查|检查|督导", 1.5, null),
        C("党内统计", "统计|年报", "统计|年报", 2.5, null),
        C("纪检", "纪检|纪委", "纪检|纪委", 2.5, null),
        C("流动和困难党员", "流动党员|离退休|老党员|困难党员|退休", "流动党员|离退休|老党员|困难党员", 2.5, null),
        C("群团", "工会|共青团|团委|妇联|妇女|群团|团支部|青年", "工会|共青团|群团|妇委会|妇女组织|青年", 2, null),
        C("党务干部", "党务干部|党务人员|党务工作人员|专职", "党务干部|党务工作人员|党务人员|专职", 2, null),
        C("五星双优", "五星|双优|创星|扣分|加分|几分|多少分|满分|分值|总分|计分|算分|[学规服民创]\\w星(?!期)", "五星|双优|扣分|加分|\\d分\\)|[学规服民创]\\w星\\d+分", 2.5, null),
        C("智慧党建", "智慧党建|平台|系统|网上", "智慧党建|平台|信息系统", 2, null),
        C("党建品牌", "品牌|先锋支部|先锋工程|示范点", "品牌|先锋支部|先锋工程|示范点", 2.5, null),
        C("民主集中制", "民主集中制|少数服从多数", "民主集中制|少数服从多数", 3, null),
        C("政治建设", "政治建设|两个维护|四个意识|四个自信", "政治建设|两个维护|四个意识", 2, null),
        C("作风建设", "四风|作风|形式主义|官僚主义", "四风|作风|形式主义|官僚主义", 2.5, null),
        C("一岗双责", "一岗双责", "一岗双责", 3, null),
        C("第一责任人", "第一责任人|主体责任|负总责", "第一责任人|主体责任|负总责", 2.5, null),
        C("三会一课", "三会一课", "三会一课", 2, null),
        C("会议记录", "记录|存档|台账|归档", "记录|存档|台账|归档", 2.5, null),
        C("党支部标准化", "标准化|规范化", "标准化|规范化", 2, null),
        C("覆盖率", "覆盖", "覆盖率|全覆盖", 2.5, null),
        C("审批", "审批|批准|报批|谁批|批复|审核", "审批|报批|批准|审核", 2.5, null),
        C("方针", "方针", "方针", 2, null),
        C("原则", "原则", "原则", 2, null),
        // 涨工资了党费咋算: the new wage becomes the base of the dues.
        C("党费基数", "涨工资|加工资|工资.{0,2}(涨|调|变|提高|增加|上调|多)|调资|调工资|增资|基数", "增加工资|新工资", 3, null),
        // 配多少比例, 占比多少: a share of a whole, as the documents write it (占…总数的2%).
        C("比例", "比例|占比|百分之|%|几成", "占.{0,24}\\d+%", 3, null),
        // 支部书记是怎么产生的: officers are put forward, elected and appointed (推荐…任命, 换届选举, 公推直选).
        C("选举任命", "产生|选出|选举|推选|推荐|任命|怎么当上|谁当|改选", "选举|推荐|任命|改选|公推直选|推选", 2.5, null),
        // 党员年度考核分几个等次: the grades an assessment gives.
        C("考核等次", "等次|等级|档次", "等次|档次", 2.5, null),
        C("选人用人", "提拔|选拔|任用|用人|任免|调动", "选拔任用|选人用人|任免|提拔|任用", 2.5, null),
    ];

    // Topics are a TopicSet (128 bits); a topic beyond its capacity would have no bit: fail at start-up instead (a test
    // keeps the count well below the capacity, so adding a topic never reaches this).
    private static readonly Dictionary<string, int> IndexByName = All.Count <= TopicSet.Capacity
        ? All.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal)
        : throw new InvalidOperationException($"ConceptLexicon holds {All.Count} topics, more than the {TopicSet.Capacity} a TopicSet holds.");

    private static readonly System.Buffers.SearchValues<char> PhraseBreaks = System.Buffers.SearchValues.Create("，。；、：,;:");

    private static readonly Regex FrequencyQuery = R(
        "多久|多长时间|多少时间|几次|多少次|频次|频率|次数|[1一]回|几回|多少回|[1一]次|每(年|月|季度|半年|周|个月|星期)|是不是每|经常|定期|周期|间隔|按月|按季|按年|[1一](年|个?月|季度?|周)|几个月|至少|不少于|最少");

    private static readonly Regex DeadlineQuery = R("什么时候|何时|几月|哪个月|截止|期限|之前|前完成|多少天|几天|时限|最晚|日内|多久内|多长时间内|年底|年初|年中|年末|上半年|下半年|哪天|几号|时间段|起止");
    private static readonly Regex QuotaQuery = R("学时|多少小时|几个小时|多少个小时|时长|课时|几学时");
    private static readonly Regex ResponsibilityQuery = R("谁|哪个部门|哪个人|由谁|负责|职责|责任|干什么|做什么|管什么|任务|干啥|做啥|管啥");
    private static readonly Regex ContentQuery = R("内容|包括|包含|哪些|有什么|是什么|讲什么|学什么|些什么|程序|步骤|流程|(研究|干|做|搞|开展)什么|主要(任务|干|做|研究)");
    private static readonly Regex MannerQuery = R("什么(方式|方法|形式|办法|途径)|(用|以|采取|通过)什么|怎么(表决|投票|选|评|考核|开展|汇报|谈|算)|如何(表决|投票|选|评|考核|开展|汇报|谈|算)|方式|方法|办法");
    private static readonly Regex PermissionQuery = R("能不能|能否|可不可以|可以.{0,12}吗|能.{0,12}[吗不]$|允许|行不行|可否|准不准");
    private static readonly Regex CombinationQuery = R("一起|一块|合并|同时|一并|合在一起|放在一起|结合");
    private static readonly Regex ScoreQuery = R("满分|多少分|几分|分值|总分|计分|算分|得分|扣多少|扣几");
    private static readonly Regex ConsequenceQuery = R("怎么处理|如何处理|怎么办|后果|会怎样|会怎么样|处理");
    private static readonly Regex ThresholdQuery = R("多少人|几人|几个人|人数|多少名|多少个|几个|几名|多少党员|比例|占多少|配多少|多少分|几分");

    private static readonly Regex FrequencyClause = R(@"每(年|月|季度|半年|周|两个月|个月)|全年|不少于|至少|\d+次|[一二两三四五六七八九十]+次|次以上|按月|定期|每次|每季度|(年|个月)以上|[一两二三\d]年一(评|次)");
    private static readonly Regex CountClause = R(@"\d+(次|天|学时)|[一二两三四五六七八九十]+次|[一两二三\d]年一(评|次)");
    private static readonly Regex QueryPeriod = R(@"半年|季度?|每年|[1一]年|年度|全年|每个?月|[1一]个?月|按月|每周|[1一]周|星期");
    private static readonly Regex ClausePeriod = R(@"每半年|半年|每季度?|季度|每年|全年|年度|每个?月|按月|每周");
    private static readonly Regex CountAnchor = R(@"\d+(次|天|学时)|[一二两三四五六七八九十]+次|[一两二三\d]年一(评|次)|每(年|月|季度|半年|周|两个月)|按月");
    private static readonly Regex DateClause = R(@"\d+月底前|\d+日内|之日起|七一|第四季度|\d+个月内");
    private static readonly Regex DeadlineClause = R(@"\d+月底前|月底前|之日起|日内|年底|年初|七一|第四季度|个月内|前完成|前报|年中|年末");
    private static readonly Regex QuotaClause = R("学时");
    private static readonly Regex ResponsibilityClause = R("负责|责任人|主持|职责|由.{1,12}(担任|负责)|担任|兼任|书记任|科长任|任(组长|副组长|办公室主任)|审批|任命");
    private static readonly Regex ContentClause = R("主要内容|包括|主要任务|主要职责|程序|以下");
    private static readonly Regex ConsequenceClause = R("处理|处置|扣分|不予|倒扣|追究");
    private static readonly Regex PermissionClause = R("可以|方可|可委托|不得|不能|不宜|不予|严禁|禁止|允许|不准|经.{1,8}同意");
    private static readonly Regex CombinationClause = R("结合|一并|同时|合并|一同|相结合");
    private static readonly Regex ScoreClause = R(@"\d+(\.\d+)?分");
    private static readonly Regex MannerClause = R("方式|方法|办法|(?<!多样|各种)形式(?!主义|多样)|采取|通过.{1,16}(进行|开展)|计算");
    private static readonly Regex ThresholdClause = R(@"\d+(人|个|%|名|分)|\d—\d|人数|半数");

    /// <summary>The topics a normalized question names, as a bit set.</summary>
    public static TopicSet QueryConcepts(string normalized) => Match(normalized, static c => c.Query);

    /// <summary>The topics a normalized clause text names, as a bit set.</summary>
    public static TopicSet ClauseConcepts(string normalized) => Match(normalized, static c => c.Clause);

    /// <summary>What a normalized question asks for.</summary>
    public static QueryIntent QueryIntents(string normalized)
    {
        var intent = QueryIntent.None;
        if (FrequencyQuery.IsMatch(normalized))
        {
            intent |= QueryIntent.Frequency;
        }

        if (DeadlineQuery.IsMatch(normalized))
        {
            intent |= QueryIntent.Deadline;
        }

        if (QuotaQuery.IsMatch(normalized))
        {
            intent |= QueryIntent.Quota;
        }

        if (ResponsibilityQuery.IsMatch(normalized))
        {
            intent |= QueryIntent.Responsibility;
        }

        if (ContentQuery.IsMatch(normalized))
        {
            intent |= QueryIntent.Content;
        }

        if (ConsequenceQuery.IsMatch(normalized))
        {
            intent |= QueryIntent.Consequence;
        }

        if (ThresholdQuery.IsMatch(normalized))
        {
            intent |= QueryIntent.Threshold;
        }

        if (MannerQuery.IsMatch(normalized))
        {
            intent |= QueryIntent.Manner;
        }

        if (PermissionQuery.IsMatch(normalized))
        {
            intent |= QueryIntent.Permission;
        }

        if (CombinationQuery.IsMatch(normalized))
        {
            intent |= QueryIntent.Combination;
        }

        if (ScoreQuery.IsMatch(normalized))
        {
            intent |= QueryIntent.Score;
        }

        return intent;
    }

    /// <summary>What a normalized clause can answer.</summary>
    public static QueryIntent ClauseIntents(string normalized)
    {
        var intent = QueryIntent.None;
        if (FrequencyClause.IsMatch(normalized))
        {
            intent |= QueryIntent.Frequency;
        }

        if (DeadlineClause.IsMatch(normalized))
        {
            intent |= QueryIntent.Deadline;
        }

        if (QuotaClause.IsMatch(normalized))
        {
            intent |= QueryIntent.Quota;
        }

        if (ResponsibilityClause.IsMatch(normalized))
        {
            intent |= QueryIntent.Responsibility;
        }

        if (ContentClause.IsMatch(normalized))
        {
            intent |= QueryIntent.Content;
        }

        if (ConsequenceClause.IsMatch(normalized))
        {
            intent |= QueryIntent.Consequence;
        }

        if (ThresholdClause.IsMatch(normalized))
        {
            intent |= QueryIntent.Threshold;
        }

        if (MannerClause.IsMatch(normalized))
        {
            intent |= QueryIntent.Manner;
        }

        if (PermissionClause.IsMatch(normalized))
        {
            intent |= QueryIntent.Permission;
        }

        if (CombinationClause.IsMatch(normalized))
        {
            intent |= QueryIntent.Combination;
        }

        if (ScoreClause.IsMatch(normalized))
        {
            intent |= QueryIntent.Score;
        }

        return intent;
    }

    /// <summary>Where a normalized clause states counts or periods ("1次", "每月", "全年不少于四次").</summary>
    public static IReadOnlyList<(int Start, int End)> CountSpans(string normalized) =>
        [.. CountAnchor.Matches(normalized).Select(m => (m.Index, m.Index + m.Length))];

    /// <summary>The counts and periods written right by a topic (after it within 16 characters, or just before it).</summary>
    public static IReadOnlyList<(int Start, int End)> CountSpansNear(string topic, string normalized)
    {
        if (!IndexByName.TryGetValue(topic, out var index))
        {
            return CountSpans(normalized);
        }

        var topics = ConceptSpans(index, normalized);
        return [.. CountSpans(normalized).Where(c => topics.Any(t => IsNear(normalized, c, t)))];
    }

    /// <summary>
    /// Whether a count stands by a topic: overlapping it, after it within 16 characters, just before it (4), or before it
    /// in the same phrase, with no punctuation between ("参加1次区级以上党组织举办的集中轮训").
    /// </summary>
    public static bool IsNear(string normalized, (int Start, int End) count, (int Start, int End) topic)
    {
        const int after = 16;
        const int before = 4;
        if ((count.Start < topic.End && count.End > topic.Start) || (count.Start >= topic.End && count.Start - topic.End <= after))
        {
            return true;
        }

        if (count.End > topic.Start)
        {
            return false;
        }

        var gap = topic.Start - count.End;
        return gap <= before || (gap <= after && normalized.AsSpan(count.End, gap).IndexOfAny(PhraseBreaks) < 0);
    }

    /// <summary>Where a normalized clause names a topic.</summary>
    public static IReadOnlyList<(int Start, int End)> ConceptSpans(int concept, string normalized) =>
        [.. All[concept].Clause.Matches(normalized).Select(m => (m.Index, m.Index + m.Length))];

    /// <summary>The periods a normalized question speaks of (每年/一年 → Y, 每月/一个月 → M, 季度 → Q, 半年 → H, 周 → W).</summary>
    public static string QueryPeriods(string normalized) => Periods(normalized, QueryPeriod);

    /// <summary>A normalized question with the periods it speaks of (每年, 一个月, 季度) replaced by a comma.</summary>
    public static string WithoutPeriods(string normalized) => QueryPeriod.Replace(normalized, "，");

    /// <summary>The periods of the counts written by a topic in a normalized clause.</summary>
    public static string ClausePeriods(string normalized) => Periods(normalized, ClausePeriod);

    private static string Periods(string normalized, Regex pattern)
    {
        var periods = string.Empty;
        foreach (Match m in pattern.Matches(normalized))
        {
            var p = m.Value.Contains("半年", StringComparison.Ordinal) ? "H"
                : m.Value.Contains('季', StringComparison.Ordinal) ? "Q"
                : m.Value.Contains('年', StringComparison.Ordinal) ? "Y"
                : m.Value.Contains('月', StringComparison.Ordinal) ? "M" : "W";
            if (!periods.Contains(p, StringComparison.Ordinal))
            {
                periods += p;
            }
        }

        return periods;
    }

    /// <summary>Whether a normalized clause states an explicit count ("1次", "32学时") rather than only a period.</summary>
    public static bool HasExplicitCount(string normalized) => CountClause.IsMatch(normalized);

    /// <summary>Whether a normalized clause states an explicit date or time limit ("3月底前", "30日内").</summary>
    public static bool HasExplicitDate(string normalized) => DateClause.IsMatch(normalized);

    private static TopicSet Match(string normalized, Func<Concept, Regex> pattern)
    {
        var bits = default(TopicSet);
        for (var i = 0; i < All.Count; i++)
        {
            if (pattern(All[i]).IsMatch(normalized))
            {
                bits |= TopicSet.Of(i);
            }
        }

        return bits;
    }

    private static Concept C(string name, string query, string clause, double weight, string? sample) =>
        new(name, R(query), R(clause), weight, sample);

    private static Regex R(string pattern) => new(pattern, Options);
}
