namespace PartyAffairs.Scheduler.Duties;

/// <summary>
/// The duty kinds the scheduler tracks. Baselines follow the national rules (《中国共产党支部工作条例（试行）》, the Party
/// Constitution on dues); a binding document of the branch that sets a rule for the kind replaces the baseline.
/// </summary>
public static class DutyKinds
{
    /// <summary>主题党日.</summary>
    public const string ThemedDay = "主题党日";

    /// <summary>党费.</summary>
    public const string Dues = "党费";

    /// <summary>组织生活会.</summary>
    public const string OrganisationalLifeMeeting = "组织生活会";

    /// <summary>民主评议党员.</summary>
    public const string MemberReview = "民主评议党员";

    /// <summary>The roster role of probationary members.</summary>
    public const string ProbationaryMember = "预备党员";

    /// <summary>Roles that receive the branch's duties (the secretary and deputy).</summary>
    public static IReadOnlyList<string> SecretaryRoles { get; } = ["党支部书记", "副书记"];

    /// <summary>Every tracked kind, members' duties first.</summary>
    public static IReadOnlyList<DutyKindProfile> All { get; } =
    [
        new() { Kind = ThemedDay, Title = "参加主题党日", Aliases = ["主题党日活动", "党日"], BaselinePeriod = "P1M" },
        new() { Kind = Dues, Title = "交纳党费", Aliases = ["交党费", "缴纳党费", "缴党费", "党费收缴"], BaselinePeriod = "P1M" },
        new() { Kind = "党小组会", Title = "参加党小组会", Aliases = ["小组会"], BaselinePeriod = "P1M" },
        new() { Kind = "学时", Title = "完成集中学习学时", Aliases = ["集中学习", "学习培训", "集中培训"], BaselinePeriod = "P1Y" },
        new() { Kind = "思想汇报", Title = "提交思想汇报", Aliases = ["书面汇报"], MemberRoles = [ProbationaryMember] },
        new() { Kind = "支部委员会", Title = "召开支部委员会会议", Audience = DutyAudience.Branch, Aliases = ["支委会", "支部委员会会议"], BaselinePeriod = "P1M" },
        new() { Kind = "党员大会", Title = "召开党员大会", Audience = DutyAudience.Branch, Aliases = ["支部党员大会"], BaselinePeriod = "P3M" },
        new() { Kind = "党课", Title = "组织党课", Audience = DutyAudience.Branch, Aliases = ["讲党课", "上党课"], BaselinePeriod = "P3M" },
        new() { Kind = OrganisationalLifeMeeting, Title = "召开组织生活会", Audience = DutyAudience.Branch, Aliases = ["专题组织生活会"], BaselinePeriod = "P1Y", BaselineWindow = "Q4" },
        new() { Kind = MemberReview, Title = "开展民主评议党员", Audience = DutyAudience.Branch, Aliases = ["民主评议"], BaselinePeriod = "P1Y", BaselineWindow = "Q4" },
        new() { Kind = "述职评议", Title = "完成书记述职评议", Audience = DutyAudience.Branch, Aliases = ["述职评议考核", "述职"], BaselinePeriod = "P1Y", BaselineDeadline = "--12-31" },
        new() { Kind = "责任清单", Title = "报送党建工作责任清单", Audience = DutyAudience.Branch, Aliases = ["党建责任清单"], BaselinePeriod = "P1Y", BaselineDeadline = "--03-31" },
        new() { Kind = "谈心谈话", Title = "开展谈心谈话", Audience = DutyAudience.Branch, Aliases = ["谈心"], BaselinePeriod = "P1Y" },
    ];

    /// <summary>The profile whose kind or alias is <paramref name="kindOrAlias"/>, or null.</summary>
    public static DutyKindProfile? Find(string? kindOrAlias) =>
        kindOrAlias is null ? null : All.FirstOrDefault(p => p.Kind == kindOrAlias || p.Aliases.Contains(kindOrAlias, StringComparer.Ordinal));
}
