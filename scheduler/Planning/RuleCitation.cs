using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Scheduler.Planning;

/// <summary>Cites the rule a reminder follows: the governing clause of a binding document, or the national baseline.</summary>
public static class RuleCitation
{
    /// <summary>“《title》一.(三).4：summary”, or the baseline when no document of the branch sets the duty.</summary>
    public static string For(TrackedDuty duty, IReadOnlyDictionary<string, string> documentTitles)
    {
        ArgumentNullException.ThrowIfNull(duty);
        ArgumentNullException.ThrowIfNull(documentTitles);
        var rule = duty.Rules.FirstOrDefault(r => r.Period == duty.Period && (r.Count ?? 1) == duty.Count) ?? (duty.Rules.Count > 0 ? duty.Rules[0] : null);
        if (rule is null)
        {
            return duty.Kind == DutyKinds.MembershipDues ? ReminderTexts.DuesRule : ReminderTexts.BaselineRule;
        }

        var title = documentTitles.TryGetValue(rule.Document, out var name) ? $"《{name.Trim('《', '》')}》" : $"文件{rule.Document}";
        return $"{title}{rule.ClauseId}：{rule.Summary}";
    }
}
