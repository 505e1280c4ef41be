using PartyAffairs.Knowledge.Corpus;

namespace PartyAffairs.Knowledge.Duties;

/// <summary>
/// Who a duty binds (<see cref="Duty.Actor"/>): the canonical organisation levels and roles, and the subject phrases of
/// the documents that name them. Meetings name the body that holds them (党员大会 → 党支部, 中心组 → 党组（党委）).
/// </summary>
public static class DutyActors
{
    /// <summary>党组（党委）: the department's leading party group or committee.</summary>
    public const string LeadingGroup = "党组（党委）";

    /// <summary>党组书记: the secretary of the leading group (党组（党委）书记, 党委书记).</summary>
    public const string LeadingGroupSecretary = "党组书记";

    /// <summary>党组成员: members of the leading group (党组（党委）成员, 局领导, 领导班子成员).</summary>
    public const string LeadingGroupMember = "党组成员";

    /// <summary>机关党委（党总支）: the organ party committee or general branch.</summary>
    public const string OrganCommittee = "机关党委（党总支）";

    /// <summary>机关党委书记: the secretary of the organ party committee (机关党组织书记).</summary>
    public const string OrganCommitteeSecretary = "机关党委书记";

    /// <summary>专兼职副书记: full- or part-time deputy secretaries.</summary>
    public const string DeputySecretary = "专兼职副书记";

    /// <summary>基层党组织: the organ's grass-roots party organisations collectively.</summary>
    public const string GrassRootsOrganisation = "基层党组织";

    /// <summary>党支部: the branch (and its committee and general meeting).</summary>
    public const string Branch = "党支部";

    /// <summary>党支部书记: the branch secretary (支部书记, 基层党组织书记).</summary>
    public const string BranchSecretary = "党支部书记";

    /// <summary>支部委员: branch committee members (组织/宣传/纪检/青年委员).</summary>
    public const string BranchCommitteeMember = "支部委员";

    /// <summary>班子成员: members of a party organisation's leading team (a study-hour quota names them).</summary>
    public const string TeamMember = "班子成员";

    /// <summary>党小组: the party group.</summary>
    public const string PartyGroup = "党小组";

    /// <summary>党员: every member.</summary>
    public const string Member = "党员";

    /// <summary>预备党员: probationary members.</summary>
    public const string ProbationaryMember = "预备党员";

    /// <summary>党员领导干部: members who are leading cadres.</summary>
    public const string LeadingCadre = "党员领导干部";

    /// <summary>机关工委: the working committee for party organs (市委市级机关工委 …), where a duty binds it.</summary>
    public const string WorkingCommittee = "机关工委";

    // Longest alias first, so 党支部书记 never reads as 党支部 and 党员大会 never as 党员.
    private static readonly (string Alias, string Actor)[] Aliases = Build(
    [
        ("党组（党委）书记", LeadingGroupSecretary), ("党委（党组）书记", LeadingGroupSecretary),
        ("党委（党组、工委）书记", LeadingGroupSecretary), ("党组书记", LeadingGroupSecretary), ("党委书记", LeadingGroupSecretary),
        ("一把手", LeadingGroupSecretary),
        ("党组（党委）成员", LeadingGroupMember), ("党组成员", LeadingGroupMember), ("党委成员", LeadingGroupMember),
        ("局领导", LeadingGroupMember), ("领导班子成员", LeadingGroupMember),
        ("机关党委书记", OrganCommitteeSecretary), ("机关党组织书记", OrganCommitteeSecretary),
        ("专兼职副书记", DeputySecretary), ("专职副书记", DeputySecretary), ("专（兼）职副书记", DeputySecretary),
        ("基层党组织书记", BranchSecretary), ("党支部书记", BranchSecretary), ("支部书记", BranchSecretary),
        ("班子成员", TeamMember),
        ("党员大会", Branch), ("支部大会", Branch), ("党员组织生活会", Branch), ("党支部委员会", Branch),
        ("支部委员会", Branch), ("支部委员会议", Branch), ("支委会", Branch),
        ("党支部委员", BranchCommitteeMember), ("支部委员", BranchCommitteeMember), ("组织委员", BranchCommitteeMember),
        ("宣传委员", BranchCommitteeMember), ("纪检委员", BranchCommitteeMember), ("青年委员", BranchCommitteeMember),
        ("机关党支部", Branch), ("党支部", Branch), ("支部", Branch),
        ("机关党委（党总支）", OrganCommittee), ("机关党委（总支）", OrganCommittee), ("机关党委", OrganCommittee),
        ("党总支", OrganCommittee), ("机关党组织", OrganCommittee),
        ("基层党组织", GrassRootsOrganisation),
        ("中心组", LeadingGroup),
        ("党组（党委）", LeadingGroup), ("党委（党组）", LeadingGroup), ("党委（党组、工委）", LeadingGroup),
        ("部门党组", LeadingGroup), ("局党组", LeadingGroup), ("办党组", LeadingGroup), ("党组", LeadingGroup),
        ("党小组会", PartyGroup), ("党小组", PartyGroup),
        ("预备党员", ProbationaryMember),
        ("党员领导干部", LeadingCadre), ("领导干部", LeadingCadre),
        ("市委市级机关工委", WorkingCommittee), ("区委区级机关工委", WorkingCommittee), ("市直机关工委", WorkingCommittee),
        ("机关工委", WorkingCommittee), ("市直工委", WorkingCommittee),
        ("党员", Member),
    ]);

    /// <summary>The canonical actors, from the top of the organisation down.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        LeadingGroup, LeadingGroupSecretary, LeadingGroupMember, OrganCommittee, OrganCommitteeSecretary, DeputySecretary,
        GrassRootsOrganisation, Branch, BranchSecretary, BranchCommitteeMember, TeamMember, PartyGroup, Member,
        ProbationaryMember, LeadingCadre, WorkingCommittee,
    ];

    private static (string, string)[] Build((string Alias, string Actor)[] rows) =>
        [.. rows.OrderByDescending(r => r.Alias.Length)];

    /// <summary>Every actor named in <paramref name="text"/> with where its phrase starts and ends, in reading order.</summary>
    public static IReadOnlyList<(string Actor, int Start, int End)> FindAll(string? text) =>
        string.IsNullOrEmpty(text) ? [] : AliasScanner.Scan(text, Aliases);

    /// <summary>The canonical actor for a name as a user or another module writes it (支部书记 → 党支部书记), or null.</summary>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        if (All.Contains(trimmed))
        {
            return trimmed;
        }

        var found = FindAll(trimmed);
        return found.Count > 0 ? found[^1].Actor : null;
    }
}
