using PartyAffairs.Knowledge;
using PartyAffairs.Knowledge.Duties;

namespace PartyAffairs.Ledger.Study;

/// <summary>
/// The yearly 学时 quota of a roster role, from the knowledge base's quota duties (unit 学时) of the branch's binding
/// documents (all documents when none are chosen). Officers — the branch committee, 班子成员: 党支部书记, 副书记 and the
/// 委员 — get the quota the documents set for 班子成员 (56, or 40 under the 丹阳 document), everyone else the members'
/// (32, or 24 under 丹阳). Where several binding documents set one, the highest applies (the strictest obligation).
/// With no such duty, the national baseline: 32 and 56 学时.
/// </summary>
public sealed class StudyQuotaResolver
{
    /// <summary>The unit of study-hour quotas.</summary>
    public const string Unit = "学时";

    /// <summary>Roles that count as 班子成员 (the branch committee).</summary>
    public static IReadOnlyList<string> OfficerRoles { get; } = ["党支部书记", "副书记", "组织委员", "宣传委员", "纪检委员", "青年委员"];

    private static readonly StudyQuota MemberBaseline = new(32, null, null, null, "《2019—2023年全国党员教育培训工作规划》：党员每年集中学习培训一般不少于32学时");
    private static readonly StudyQuota OfficerBaseline = new(56, null, null, null, "《2019—2023年全国党员教育培训工作规划》：基层党组织书记和班子成员每年不少于56学时");

    private readonly Func<IReadOnlyList<Duty>> _duties;
    private readonly Func<IReadOnlyList<SourceDocument>> _documents;

    /// <summary>A resolver over fixed duties and documents.</summary>
    public StudyQuotaResolver(IReadOnlyList<Duty> duties, IReadOnlyList<SourceDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(duties);
        ArgumentNullException.ThrowIfNull(documents);
        (_duties, _documents) = (() => duties, () => documents);
    }

    /// <summary>A resolver over the knowledge base as it is at each use (it loads after the host starts).</summary>
    public StudyQuotaResolver(IKnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        (_duties, _documents) = (() => knowledgeBase.Duties, () => knowledgeBase.Documents);
    }

    /// <summary>True for a role counted among the 班子成员.</summary>
    public static bool IsOfficer(string? role) => role is not null && OfficerRoles.Contains(role, StringComparer.Ordinal);

    /// <summary>The quota of <paramref name="role"/> under <paramref name="bindingDocuments"/> (empty: every document).</summary>
    public StudyQuota For(string? role, IReadOnlyCollection<string> bindingDocuments)
    {
        ArgumentNullException.ThrowIfNull(bindingDocuments);
        var officer = IsOfficer(role);
        var binding = bindingDocuments.Count > 0 ? bindingDocuments.ToHashSet(StringComparer.Ordinal) : null;
        var best = _duties()
            .Where(d => d.Quota is { Unit: Unit } && (binding is null || binding.Contains(d.Document)))
            .Where(d => officer ? d.Actor == DutyActors.TeamMember : d.Actor is DutyActors.Member or null)
            .OrderByDescending(d => d.Quota!.Amount)
            .ThenBy(d => d.Document, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best is null)
        {
            return officer ? OfficerBaseline : MemberBaseline;
        }

        var title = _documents().FirstOrDefault(d => d.Id == best.Document)?.Title ?? best.Document;
        return new StudyQuota(best.Quota!.Amount, best.Document, title, best.ClauseId, best.Text);
    }
}
