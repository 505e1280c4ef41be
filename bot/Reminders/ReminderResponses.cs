using System.Text.RegularExpressions;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Bot.Reminders;

/// <summary>The 已完成 / 请假 button values and how chat text is read back as a response.</summary>
internal static partial class ReminderResponses
{
    /// <summary>The buttons of an actionable reminder, one per answer offered (done; leave where each member confirms for themself).</summary>
    public static IReadOnlyList<ReminderAction> Buttons(IReadOnlyList<string> kinds, string periodKey, IReadOnlyList<CompletionStatus> answers)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(answers);
        var subject = $"{string.Join("、", kinds)} {periodKey}";
        return answers.Select(answer => answer == CompletionStatus.Leave ? ReminderTexts.LeaveButton : ReminderTexts.DoneButton)
            .Select(title => new ReminderAction(title, $"{title} {subject}")).ToArray();
    }

    /// <summary>Reads “已完成 主题党日 2026-11” or “请假 组织生活会、民主评议党员 2026”; null when the text is not a response.</summary>
    public static (bool Leave, IReadOnlyList<string> Kinds, string PeriodKey)? Parse(string text)
    {
        var match = Response().Match(text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        return (match.Groups["a"].Value == ReminderTexts.LeaveButton, match.Groups["k"].Value.Split('、', StringSplitOptions.RemoveEmptyEntries), match.Groups["p"].Value);
    }

    /// <summary>The value of the digest's “全部已完成” choice: every line's duties and period, separated by “；”.</summary>
    public static string AllDone(IEnumerable<(IReadOnlyList<string> Kinds, string PeriodKey)> lines) =>
        ReminderTexts.AllDoneButton + " " + string.Join("；", lines.Select(l => $"{string.Join("、", l.Kinds)} {l.PeriodKey}"));

    /// <summary>The lines of a “全部已完成 …” answer, each as a “已完成 …” answer; null when the text is not one.</summary>
    public static IReadOnlyList<(bool Leave, IReadOnlyList<string> Kinds, string PeriodKey)>? ParseAll(string text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (!trimmed.StartsWith(ReminderTexts.AllDoneButton + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = trimmed[(ReminderTexts.AllDoneButton.Length + 1)..].Split('；', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<(bool, IReadOnlyList<string>, string)>();
        foreach (var part in parts)
        {
            if (Parse(ReminderTexts.DoneButton + " " + part) is not { } line)
            {
                return null;
            }

            result.Add(line);
        }

        return result.Count > 0 ? result : null;
    }

    [GeneratedRegex(@"^(?<a>已完成|请假)\s+(?<k>[^\s]+)\s+(?<p>\d{4}(?:-(?:\d{2}|Q[1-4]|H[12]|B[1-6]|W\d{2}))?)$")]
    private static partial Regex Response();
}
