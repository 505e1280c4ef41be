using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Scheduler.Planning;

/// <summary>Finds the rule a reminder follows: the governing clause of a binding document, or the national baseline.</summary>
public static class RuleCitation
{
    /// <summary>The clause that sets the duty's schedule (its document titled from <paramref name="documentTitles"/>, and its own list in a document of several lists), or the baseline when no document of the branch sets the duty.</summary>
    public static RuleSource For(TrackedDuty duty, IReadOnlyDictionary<string, string> documentTitles)
    {
        ArgumentNullException.ThrowIfNull(duty);
        ArgumentNullException.ThrowIfNull(documentTitles);
        var rule = duty.Rules.FirstOrDefault(r => r.Period == duty.Period && (r.Count ?? 1) == duty.Count) ?? (duty.Rules.Count > 0 ? duty.Rules[0] : null);
        if (rule is null)
        {
            return duty.Kind == DutyKinds.MembershipDues ? RuleSource.DuesRegulations : RuleSource.NationalBaseline;
        }

        return new RuleSource
        {
            Kind = RuleSourceKind.Clause,
            Document = rule.Document,
            DocumentTitle = documentTitles.TryGetValue(rule.Document, out var title) ? title : null,
            ListTitle = rule.ListTitle,
            ClauseId = rule.ClauseId,
            Summary = rule.Summary,
        };
    }
}
