using PartyAffairs.Knowledge;
using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Knowledge.Vocabulary;

namespace PartyAffairs.Scheduler.Duties;

/// <summary>
/// Which rules a 机关党支部 must follow: those whose actor belongs to the branch's levels in the vocabulary (党支部, its
/// 支委会 and officers, its 党小组) or is one of its members as such (党员, 预备党员, 入党介绍人). Rules of the 党组（党委）,
/// the 机关党委（党总支）, 基层党组织 collectively, 党员领导干部 and higher organs never reach a branch. A rule without an actor
/// counts only when it names a duty kind the scheduler tracks for branches (主题党日 “五事联动”).
/// </summary>
public static class BranchLevelScope
{
    /// <summary>The organisation levels a branch consists of.</summary>
    public static IReadOnlyList<string> BranchLevels { get; } =
        [.. PartyVocabulary.Shipped.Levels.Where(l => l.Name == DutyActors.Branch || l.Parent == DutyActors.Branch).Select(l => l.Name)];

    /// <summary>The member roles a branch's members hold as such (not as cadres of another level).</summary>
    public static IReadOnlyList<string> MemberActors { get; } = [DutyActors.Member, DutyActors.ProbationaryMember, DutyActors.Introducer];

    /// <summary>True when <paramref name="actor"/> is the branch, one of its bodies or officers, or one of its members as such.</summary>
    public static bool IsBranchActor(string? actor)
    {
        if (actor is null)
        {
            return false;
        }

        if (MemberActors.Contains(actor, StringComparer.Ordinal))
        {
            return true;
        }

        return PartyVocabulary.Shipped.FindRole(actor) is { } role && BranchLevels.Contains(role.Level, StringComparer.Ordinal);
    }

    /// <summary>True when the rule binds a branch, its officers or its members.</summary>
    public static bool Applies(Duty duty)
    {
        ArgumentNullException.ThrowIfNull(duty);
        return duty.Actor is null ? DutyKindProfiles.Find(duty.Kind) is not null : IsBranchActor(duty.Actor);
    }
}
