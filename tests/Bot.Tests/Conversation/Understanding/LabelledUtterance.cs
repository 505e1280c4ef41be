using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.Bot.Tests.Conversation.Understanding;

/// <summary>
/// One line of <c>Data/utterances.*.jsonl</c>: a message, its expected intent and the entities that must be read from it,
/// with the context it is sent in (defaults: bound 党员, nothing pending, today 2026-12-09, a Wednesday).
/// Fields left out are not checked. Shared with the benchmark project's intent evaluation (linked source).
/// </summary>
internal sealed record LabelledUtterance
{
    public static readonly DateOnly DefaultToday = new(2026, 12, 9);

    public required string Text { get; init; }

    public required string Kind { get; init; }

    public bool? Bound { get; init; }

    public string? Role { get; init; }

    public bool? Pending { get; init; }

    public DateOnly? Today { get; init; }

    public string[]? Duties { get; init; }

    public DateOnly? Date { get; init; }

    public string? Period { get; init; }

    public string[]? Months { get; init; }

    public int? MonthCount { get; init; }

    public decimal? Hours { get; init; }

    public string? Topic { get; init; }

    public string? Reason { get; init; }

    public string? Code { get; init; }

    public string? Name { get; init; }

    public int? Year { get; init; }

    public string? Argument { get; init; }

    public string[]? Candidates { get; init; }

    public bool? Reissue { get; init; }

    public string? Category { get; init; }

    public decimal? Income { get; init; }

    public ExpectedRecord? Record { get; init; }

    /// <summary>Which file and line it came from (for failure messages).</summary>
    [JsonIgnore]
    public string Source { get; init; } = string.Empty;

    /// <summary>Reads a split (train or heldout) from the test output's Data folder.</summary>
    public static IReadOnlyList<LabelledUtterance> Load(string split, string? directory = null)
    {
        var path = Path.Combine(directory ?? Path.Combine(AppContext.BaseDirectory, "Conversation", "Understanding", "Data"), $"utterances.{split}.jsonl");
        var lines = File.ReadAllLines(path);
        var list = new List<LabelledUtterance>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var item = JsonSerializer.Deserialize<LabelledUtterance>(lines[i], Options)
                ?? throw new InvalidDataException($"{path}:{i + 1}: empty line object.");
            list.Add(item with { Source = $"{split}:{i + 1}" });
        }

        return list;
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}

/// <summary>The expected fields of a “记录 …” message.</summary>
internal sealed record ExpectedRecord
{
    public string? Kind { get; init; }

    public DateOnly? Date { get; init; }

    public string? Topic { get; init; }

    public string? Speaker { get; init; }

    public string[]? Attendees { get; init; }

    public bool? All { get; init; }

    public ExpectedAbsence[]? Absent { get; init; }

    public decimal? Hours { get; init; }

    public string? Notes { get; init; }
}

/// <summary>An expected absentee.</summary>
internal sealed record ExpectedAbsence(string Name, string? Reason);
