using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PartyAffairs.Ledger.Storage;

namespace PartyAffairs.Ledger.Records;

/// <summary>A record's content as the audit trail keeps it (JSON in <c>record_audit.before/after</c>).</summary>
internal sealed record RecordSnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Readable Chinese for whoever reads the table; the JSON is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public required string Kind { get; init; }

    public required string Date { get; init; }

    public string? Topic { get; init; }

    public string? Speaker { get; init; }

    public decimal? Hours { get; init; }

    public string? Notes { get; init; }

    public required IReadOnlyList<string> Attendees { get; init; }

    public required IReadOnlyList<AbsenceInput> Absent { get; init; }

    public static RecordSnapshot Of(MeetingRecordRow row) => new()
    {
        Kind = row.Kind,
        Date = row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Topic = row.Topic,
        Speaker = row.Speaker,
        Hours = row.Hours,
        Notes = row.Notes,
        Attendees = row.Attendance.Where(a => a.Present).OrderBy(a => a.Id).Select(a => a.Name).ToArray(),
        Absent = row.Attendance.Where(a => !a.Present).OrderBy(a => a.Id).Select(a => new AbsenceInput(a.Name, a.Reason)).ToArray(),
    };

    public string Write() => JsonSerializer.Serialize(this, Json);

    public static RecordSnapshot? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<RecordSnapshot>(json, Json);

    /// <summary>The fields that differ between <paramref name="before"/> and <paramref name="after"/> (either may be null).</summary>
    public static IReadOnlyList<FieldChange> Diff(RecordSnapshot? before, RecordSnapshot? after)
    {
        var fields = new (string Name, Func<RecordSnapshot, string?> Value)[]
        {
            ("kind", s => s.Kind),
            ("date", s => s.Date),
            ("topic", s => s.Topic),
            ("speaker", s => s.Speaker),
            ("hours", s => s.Hours?.ToString(CultureInfo.InvariantCulture)),
            ("notes", s => s.Notes),
            ("attendees", s => s.Attendees.Count == 0 ? null : string.Join("、", s.Attendees)),
            ("absent", s => s.Absent.Count == 0 ? null : string.Join("、", s.Absent.Select(a => a.Reason is null ? a.Name : $"{a.Name}（{a.Reason}）"))),
        };
        return fields
            .Select(f => new FieldChange(f.Name, before is null ? null : f.Value(before), after is null ? null : f.Value(after)))
            .Where(c => c.Before != c.After)
            .ToArray();
    }
}
