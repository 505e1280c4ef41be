using System.Text.RegularExpressions;

namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>
/// Reads the body of “记录 党员大会 12月3日 主题：学习党章第三章 主讲：王明 参加：全体 缺席：李四（出差）、王五（病假） 2学时 备注：…”.
/// The head (before the first label) names the kind and the date; each label (主题, 主讲, 参加, 缺席, 地点, 备注, 学时 —
/// the words are in the lexicon) runs to the next label. Values are taken from the normalised text.
/// </summary>
internal sealed partial class MeetingRecordReader(IntentLexicon lexicon)
{
    private static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', ' ', '/'];

    private readonly (string Label, string Field)[] labels = Labels(lexicon);

    public MeetingRecordDraft Read(string body, DateOnly today, Func<string, IReadOnlyList<string>> findDuties)
    {
        var hours = QuantityReader.Hours(body);
        var text = hours is { } h ? string.Concat(body.AsSpan(0, h.Index), new string(' ', h.Length), body.AsSpan(h.Index + h.Length)) : body;
        var segments = Segments(text);
        var headEnd = segments.Count > 0 ? segments[0].Start : text.Length;
        var head = text[..headEnd];
        var date = ChineseDateResolver.FirstDate(head, today, DateDirection.Past) ?? ChineseDateResolver.FirstDate(text, today, DateDirection.Past);
        string? Field(string field) => segments.FirstOrDefault(s => s.Field == field)?.Value is { Length: > 0 } v ? v : null;

        var attendees = Field("attendees") is { } list ? Split(list) : [];
        var all = attendees.Any(a => lexicon.File.AllAttended.Contains(a, StringComparer.Ordinal));
        return new MeetingRecordDraft
        {
            Kind = findDuties(head) is { Count: > 0 } inHead ? inHead[0] : findDuties(text) is { Count: > 0 } anywhere ? anywhere[0] : null,
            Date = date,
            Topic = Field("topic"),
            Speaker = Field("speaker"),
            Attendees = all ? [] : attendees,
            AllAttended = all,
            AttendeeCount = HeadCount().Match(body) is { Success: true } count && int.TryParse(count.Groups["n"].ValueSpan, out var n) ? n : null,
            Absentees = Field("absentees") is { } absent ? Split(absent).Select(Absentee).ToArray() : [],
            Hours = hours?.Hours,
            Place = Field("place"),
            Notes = Field("notes"),
        };
    }

    private List<Segment> Segments(string text)
    {
        var found = new List<(int Start, int ValueStart, string Field)>();
        var at = 0;
        while (at < text.Length)
        {
            var hit = false;
            foreach (var (label, field) in labels)
            {
                if (string.CompareOrdinal(text, at, label, 0, label.Length) != 0)
                {
                    continue;
                }

                var after = at + label.Length;
                while (after < text.Length && text[after] == ' ')
                {
                    after++;
                }

                if (after < text.Length && text[after] is ':' or '：')
                {
                    found.Add((at, after + 1, field));
                    at = after + 1;
                    hit = true;
                    break;
                }
            }

            if (!hit)
            {
                at++;
            }
        }

        var segments = new List<Segment>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var end = i + 1 < found.Count ? found[i + 1].Start : text.Length;
            segments.Add(new Segment(found[i].Start, found[i].Field, text[found[i].ValueStart..end].Trim().TrimEnd('。', ',', ';')));
        }

        return segments;
    }

    private Absence Absentee(string entry)
    {
        var m = NameWithReason().Match(entry);
        if (!m.Success)
        {
            return new Absence(entry, null);
        }

        var reason = m.Groups["r"].Value.Trim();
        var canonical = lexicon.Reasons.FirstOrDefault(r => reason.Contains(r.Word, StringComparison.Ordinal)).Reason;
        return new Absence(m.Groups["n"].Value.Trim(), canonical ?? (reason.Length > 0 ? reason : null));
    }

    private static string[] Split(string list) => list.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static (string Label, string Field)[] Labels(IntentLexicon lexicon)
    {
        var l = lexicon.File.RecordLabels;
        return new[] { (l.Topic, "topic"), (l.Speaker, "speaker"), (l.Attendees, "attendees"), (l.Absentees, "absentees"), (l.Place, "place"), (l.Notes, "notes") }
            .SelectMany(p => p.Item1.Select(w => (w, p.Item2)))
            .OrderByDescending(p => p.w.Length)
            .ToArray();
    }

    [GeneratedRegex(@"^(?<n>[^()（）]+)[(（](?<r>[^)）]*)[)）]$")]
    private static partial Regex NameWithReason();

    [GeneratedRegex(@"(?:到会|参会|出席|实到)\s*(?<n>\d{1,4})\s*人")]
    private static partial Regex HeadCount();

    private sealed record Segment(int Start, string Field, string Value);
}
