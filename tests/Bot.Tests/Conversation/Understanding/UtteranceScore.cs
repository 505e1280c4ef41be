using System.Globalization;
using System.Text;
using PartyAffairs.Bot.Conversation.Understanding;

namespace PartyAffairs.Bot.Tests.Conversation.Understanding;

/// <summary>Compares recognition results with their labels: kind accuracy overall and per kind, entity accuracy, the misses.</summary>
internal sealed class UtteranceScore
{
    private readonly List<(LabelledUtterance Item, string Got, IReadOnlyList<string> EntityErrors)> results = [];

    public int Total => results.Count;

    public int KindCorrect => results.Count(r => r.Got == r.Item.Kind);

    /// <summary>Utterances whose kind is right and that carry expected entities.</summary>
    public int EntityChecked => results.Count(r => r.Got == r.Item.Kind && HasEntities(r.Item));

    /// <summary>Of those, the ones whose every expected entity was read right.</summary>
    public int EntityCorrect => results.Count(r => r.Got == r.Item.Kind && HasEntities(r.Item) && r.EntityErrors.Count == 0);

    public double KindAccuracy => Total == 0 ? 0 : (double)KindCorrect / Total;

    public double EntityAccuracy => EntityChecked == 0 ? 1 : (double)EntityCorrect / EntityChecked;

    /// <summary>The context a labelled utterance is sent in.</summary>
    public static IntentContext ContextOf(LabelledUtterance item) => new()
    {
        Today = item.Today ?? LabelledUtterance.DefaultToday,
        IsBound = item.Bound ?? true,
        Role = item.Role ?? (item.Bound == false ? null : "党员"),
        HasPendingStep = item.Pending ?? false,
    };

    /// <summary>Adds the result of one utterance; <paramref name="result"/> null means the kind alone was predicted (no entities).</summary>
    public void Add(LabelledUtterance item, string predictedKind, IntentResult? result)
    {
        results.Add((item, predictedKind, result is null ? [] : EntityErrors(item, result)));
    }

    /// <summary>Per expected kind: correct / total.</summary>
    public IReadOnlyList<(string Kind, int Correct, int Total)> PerKind() => results
        .GroupBy(r => r.Item.Kind)
        .Select(g => (g.Key, g.Count(r => r.Got == r.Item.Kind), g.Count()))
        .OrderBy(k => k.Key, StringComparer.Ordinal)
        .ToArray();

    /// <summary>One line per miss: source, text, expected and got, entity errors.</summary>
    public string Misses()
    {
        var text = new StringBuilder();
        foreach (var (item, got, errors) in results.Where(r => r.Got != r.Item.Kind || r.EntityErrors.Count > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"{item.Source} “{item.Text}”: expected {item.Kind}, got {got}");
            if (got == item.Kind)
            {
                text.Append(" (").Append(string.Join("; ", errors)).Append(')');
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"kind {KindCorrect}/{Total} ({KindAccuracy:P1}), entities {EntityCorrect}/{EntityChecked} ({EntityAccuracy:P1})");

    private static bool HasEntities(LabelledUtterance e) =>
        e.Duties is not null || e.Date is not null || e.Period is not null || e.Months is not null || e.MonthCount is not null
        || e.Hours is not null || e.Topic is not null || e.Reason is not null || e.Code is not null || e.Name is not null
        || e.Year is not null || e.Argument is not null || e.Candidates is not null || e.Reissue is not null
        || e.Category is not null || e.Income is not null || e.Record is not null;

    private static List<string> EntityErrors(LabelledUtterance e, IntentResult r)
    {
        var errors = new List<string>();
        var n = r.Entities;
        void Check<T>(string name, T? expected, T? actual)
        {
            if (expected is not null && !EqualityComparer<T>.Default.Equals(expected, actual))
            {
                errors.Add($"{name}: expected {expected}, got {(actual is null ? "none" : actual.ToString())}");
            }
        }

        void CheckList(string name, IEnumerable<string>? expected, IEnumerable<string> actual)
        {
            if (expected is not null && !expected.SequenceEqual(actual))
            {
                errors.Add($"{name}: expected [{string.Join(",", expected)}], got [{string.Join(",", actual)}]");
            }
        }

        CheckList("duties", e.Duties, n.Duties);
        Check("date", e.Date, n.Date);
        Check("period", e.Period, n.Period?.Key);
        CheckList("months", e.Months, n.Months.Select(m => m.Key));
        Check("monthCount", e.MonthCount, n.MonthCount);
        Check("hours", e.Hours, n.Hours);
        Check("topic", e.Topic, n.Topic?.Trim('《', '》'));
        Check("reason", e.Reason, n.Reason);
        Check("code", e.Code, n.Code);
        Check("name", e.Name, n.PersonName);
        Check("year", e.Year, n.Year);
        Check("argument", e.Argument, r.Argument);
        CheckList("candidates", e.Candidates, r.Candidates.Select(c => c.Duty));
        Check("reissue", e.Reissue, n.Reissue);
        Check("category", e.Category, n.DuesCategory);
        Check("income", e.Income, n.MonthlyIncome);
        if (e.Record is { } x)
        {
            var d = n.Record;
            if (d is null)
            {
                errors.Add("record: none");
                return errors;
            }

            Check("record.kind", x.Kind, d.Kind);
            Check("record.date", x.Date, d.Date);
            Check("record.topic", x.Topic, d.Topic);
            Check("record.speaker", x.Speaker, d.Speaker);
            CheckList("record.attendees", x.Attendees, d.Attendees);
            Check("record.all", x.All, d.AllAttended);
            CheckList("record.absent", x.Absent?.Select(a => $"{a.Name}({a.Reason})"), d.Absentees.Select(a => $"{a.Name}({a.Reason})"));
            Check("record.hours", x.Hours, d.Hours);
            Check("record.notes", x.Notes, d.Notes);
        }

        return errors;
    }
}
