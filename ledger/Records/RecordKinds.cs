using KnowledgeKinds = PartyAffairs.Knowledge.Duties.DutyKinds;
using SchedulerKinds = PartyAffairs.Scheduler.Duties.DutyKindProfiles;

namespace PartyAffairs.Ledger.Records;

/// <summary>
/// The kinds a meeting or activity record may have: the knowledge base's canonical duty kinds, except 党费 (dues are
/// payments, kept in the dues ledger). Short and long forms are accepted (支委会 = 支部委员会, 民主评议 = 民主评议党员,
/// 支部大会 = 党员大会, 上党课 = 党课 …) through the scheduler's aliases and the knowledge base's own phrasings.
/// </summary>
public static class RecordKinds
{
    /// <summary>Every valid kind, in the knowledge base's order.</summary>
    public static IReadOnlyList<string> All { get; } = KnowledgeKinds.Canonical.Where(k => k != KnowledgeKinds.MembershipDues).ToArray();

    private static readonly HashSet<string> Valid = [.. All];

    /// <summary>The canonical kind <paramref name="text"/> names, or null when it names none (or names 党费).</summary>
    public static string? Normalize(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 32)
        {
            return null;
        }

        if (Valid.Contains(value))
        {
            return value;
        }

        // The scheduler's tracked kinds and their chat words (学时 is the knowledge base's 集中学习).
        if (SchedulerKinds.Find(value) is { } profile)
        {
            var kind = profile.Kind == "学时" ? KnowledgeKinds.CollectiveStudy : profile.Kind;
            return Valid.Contains(kind) ? kind : null;
        }

        return KnowledgeKinds.Find(value) is { } found && Valid.Contains(found) ? found : null;
    }
}
