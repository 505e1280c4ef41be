using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Knowledge.Vocabulary;
using PartyAffairs.Knowledge;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Scheduler.Duties;

/// <summary>
/// The tracked duties of a 机关党支部 built from the knowledge base's duties, grouped by canonical kind. Only rules of the
/// binding documents count (all documents when none are chosen), and only rules a branch, its officers or its members must
/// follow (<see cref="BranchLevelScope"/>): a rule of the 党组（党委） or the 机关党委 never reaches a branch nor replaces a branch
/// rule. Branch duties without a canonical kind are tracked under a short name (<see cref="UntypedDutyNames"/>). Where they differ, the strictest rule (shortest period, then
/// highest count) sets the schedule and every differing rule is kept in <see cref="TrackedDuty.Rules"/> with its source;
/// for a duty each member confirms, rules addressed to members take precedence over rules for officers.
/// A kind no binding document sets keeps its national baseline (<see cref="DutyKindProfiles"/>).
/// </summary>
public sealed class KnowledgeDutyCatalog : ITrackedDutyCatalog
{
    /// <summary>The words marking the rule for an extended probation (延长期的教育、考察工作).</summary>
    private const string ExtendedProbation = "延长";

    private readonly IReadOnlyList<TrackedDuty> _all;

    /// <summary>Builds the catalog from <paramref name="duties"/>, counting only rules of <paramref name="bindingDocuments"/> (null or empty: all).</summary>
    public KnowledgeDutyCatalog(IReadOnlyList<Duty> duties, IReadOnlyCollection<string>? bindingDocuments = null)
    {
        ArgumentNullException.ThrowIfNull(duties);
        var binding = bindingDocuments is { Count: > 0 } ? bindingDocuments.ToHashSet(StringComparer.Ordinal) : null;
        var usable = duties
            .Where(d => binding is null || binding.Contains(d.Document))
            .Where(d => DutyPeriod.TryGetUnit(d.Period, out _))
            .Where(BranchLevelScope.Applies)
            .ToArray();

        var result = new List<TrackedDuty>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in DutyKindProfiles.All)
        {
            known.Add(profile.Kind);
            var rules = usable.Where(d => DutyKindProfiles.Find(d.Kind) == profile).ToArray();
            if (rules.Length == 0)
            {
                if (profile.BaselinePeriod is not null)
                {
                    result.Add(Build(profile.Kind, profile.Title, profile.Audience, profile.Aliases, profile.BaselinePeriod, 1, profile.BaselineWindow, profile.BaselineDeadline, [], profile.MemberRoles));
                }

                continue;
            }

            var members = profile.Audience == DutyAudience.Member ? AddressedToMembers(rules) : rules;
            var governing = Strictest(members.Any(r => r.Quota is null) ? members.Where(r => r.Quota is null).ToArray() : members);
            result.Add(Build(profile.Kind, profile.Title, profile.Audience, profile.Aliases, governing.Period, governing.Count ?? 1,
                governing.Window ?? (governing.Period == profile.BaselinePeriod ? profile.BaselineWindow : null),
                governing.Deadline ?? (governing.Period == profile.BaselinePeriod ? profile.BaselineDeadline : null),
                rules, profile.MemberRoles.Count > 0 ? profile.MemberRoles : MemberRolesOf(rules)) with
            {
                Quota = LargestQuota(rules.Where(r => r.Actor is DutyActors.Member or DutyActors.ProbationaryMember)),
                TeamQuota = LargestQuota(rules.Where(r => r.Actor == DutyActors.TeamMember)),
                AlsoAway = profile.Kind == DutyKinds.ThoughtReport,
            });
        }

        // Kinds the knowledge base names that the scheduler has no profile for are still tracked, titled by their summary.
        // Branch duties without a kind are tracked under a short name (年度工作计划, 党员年度考核 …), so every one is reminded.
        foreach (var group in usable.Where(d => DutyKindProfiles.Find(d.Kind) is null)
                     .GroupBy(d => d.Kind is { Length: > 0 } kind ? kind : UntypedDutyNames.For(d), StringComparer.Ordinal))
        {
            var rules = group.ToArray();
            if (group.Key == DutyKinds.ProbationAssessment)
            {
                // 考察 is done about each 预备党员 by the 入党介绍人 (003): quarterly, every two months only while extended.
                var extended = rules.Where(r => r.Text.Contains(ExtendedProbation, StringComparison.Ordinal)).ToArray();
                var ordinary = rules.Except(extended).ToArray();
                var rule = Strictest(ordinary.Length > 0 ? ordinary : rules);
                result.Add(Build(group.Key, group.Key, DutyAudience.Probation, [], rule.Period, rule.Count ?? 1, rule.Window, rule.Deadline, rules, []) with
                {
                    ExtendedPeriod = extended.Length > 0 ? Strictest(extended).Period : null,
                });
                continue;
            }

            var governing = Strictest(rules);
            var audience = rules.Any(r => r.Actor is DutyActors.Member or DutyActors.ProbationaryMember) ? DutyAudience.Member : DutyAudience.Branch;
            result.Add(Build(group.Key, UntypedDutyNames.TitleFor(group.Key), audience, [], governing.Period, governing.Count ?? 1, governing.Window, governing.Deadline, rules, MemberRolesOf(rules)));
        }

        _all = result;
    }

    /// <inheritdoc />
    public IReadOnlyList<TrackedDuty> All => _all;

    /// <inheritdoc />
    public IReadOnlyList<TrackedDuty> ForRole(string role) =>
        _all.Where(d => d.Roles.Count == 0 || d.Roles.Contains(role, StringComparer.Ordinal)).ToArray();

    /// <inheritdoc />
    public TrackedDuty? Find(string kindOrAlias)
    {
        var text = kindOrAlias.Trim();
        return _all.FirstOrDefault(d => d.Kind == text)
            ?? _all.FirstOrDefault(d => d.Aliases.Contains(text, StringComparer.Ordinal) || d.Title == text);
    }

    private static TrackedDuty Build(string kind, string title, DutyAudience audience, IReadOnlyList<string> aliases, string period, int count, string? window, string? deadline, IReadOnlyList<Duty> rules, IReadOnlyList<string> memberRoles) => new()
    {
        Kind = kind,
        Title = title,
        Period = period,
        Count = count,
        Window = window,
        Deadline = deadline,
        Audience = audience,
        Roles = audience == DutyAudience.Branch ? PartyVocabulary.Shipped.SecretaryRoles : memberRoles,
        Aliases = aliases,
        Rules = rules,
    };

    /// <summary>预备党员 when every rule addressed to members names only them; else empty (every member).</summary>
    private static IReadOnlyList<string> MemberRolesOf(IReadOnlyList<Duty> rules)
    {
        var members = rules.Where(r => r.Actor is DutyActors.Member or DutyActors.ProbationaryMember).ToArray();
        return members.Length > 0 && members.All(r => r.Actor == DutyActors.ProbationaryMember) ? DutyKindProfiles.ProbationaryMembers : [];
    }

    /// <summary>
    /// For a duty each member confirms, the rules addressed to members (党员, 预备党员) when there are any: a rule for the
    /// secretary or the organisation (书记 “周一夜学”) must not set how often every member is reminded (学时 stays yearly).
    /// </summary>
    private static IReadOnlyList<Duty> AddressedToMembers(IReadOnlyList<Duty> rules)
    {
        var members = rules.Where(r => r.Actor is DutyActors.Member or DutyActors.ProbationaryMember).ToArray();
        return members.Length > 0 ? members : rules;
    }

    private static DutyQuota? LargestQuota(IEnumerable<Duty> rules) =>
        rules.Where(r => r.Quota is not null).Select(r => r.Quota!).OrderByDescending(q => q.Amount).FirstOrDefault();

    private static Duty Strictest(IReadOnlyList<Duty> rules) => rules
        .OrderBy(r => Length(r.Period) / Math.Max(1, r.Count ?? 1))
        .ThenBy(r => Length(r.Period))
        .ThenBy(r => r.Document, StringComparer.Ordinal)
        .ThenBy(r => r.Id, StringComparer.Ordinal)
        .First();

    private static double Length(string period)
    {
        DutyPeriod.TryGetUnit(period, out var unit);
        return unit switch
        {
            PeriodUnit.Week => 0.25,
            PeriodUnit.Month => 1,
            PeriodUnit.TwoMonths => 2,
            PeriodUnit.Quarter => 3,
            PeriodUnit.HalfYear => 6,
            _ => 12,
        };
    }
}
