using PartyAffairs.Knowledge.Corpus;
using PartyAffairs.Knowledge.Vocabulary;

namespace PartyAffairs.Knowledge.Duties;

/// <summary>
/// Who a duty binds (<see cref="Duty.Actor"/>): the canonical organisation levels and roles, and the subject phrases of
/// the documents that name them, read from <see cref="PartyVocabulary"/>. Meetings name the body that holds them (党员大会 →
/// 党支部, 中心组 → 党组（党委）). The constants are typed handles on names the vocabulary defines.
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

    /// <summary>入党介绍人: a member who introduces an applicant and looks after them while probationary.</summary>
    public const string Introducer = "入党介绍人";

    /// <summary>党员领导干部: members who are leading cadres.</summary>
    public const string LeadingCadre = "党员领导干部";

    /// <summary>机关工委: the working committee for party organs (市委市级机关工委 …), where a duty binds it.</summary>
    public const string WorkingCommittee = "机关工委";

    // Longest alias first, so 党支部书记 never reads as 党支部 and 党员大会 never as 党员; words that only look like a role
    // (党组织, 上级党组织) name no actor.
    private static readonly (string Alias, string Actor)[] Aliases =
    [
        .. PartyVocabulary.Shipped.Roles
            .SelectMany(r => r.Aliases.Concat(r.BodyAliases).Select(a => (a, r.Name)))
            .Concat(PartyVocabulary.Shipped.NotRoles.Select(a => (a, string.Empty)))
            .OrderByDescending(x => x.Item1.Length),
    ];

    /// <summary>The canonical actors, from the top of the organisation down (every role of <see cref="PartyVocabulary"/>).</summary>
    public static IReadOnlyList<string> All { get; } = [.. PartyVocabulary.Shipped.Roles.Select(r => r.Name)];

    /// <summary>Every actor named in <paramref name="text"/> with where its phrase starts and ends, in reading order.</summary>
    public static IReadOnlyList<(string Actor, int Start, int End)> FindAll(string? text) =>
        string.IsNullOrEmpty(text) ? [] : AliasScanner.Scan(text, Aliases).Where(f => f.Value.Length > 0).ToList();

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
