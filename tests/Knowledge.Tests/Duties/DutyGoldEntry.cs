using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PartyAffairs.Knowledge.Tests.Duties;

/// <summary>
/// One line of duties_sample.jsonl / duties_gold.jsonl, matched the way ../shared/eval/duties_eval.py does: an entry whose
/// text contains the quote (white space ignored) with the same period and count (or quota amount). The gold list may also
/// name the kind, actor, window or deadline the entry must have.
/// </summary>
internal sealed partial record DutyGoldEntry
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    [JsonPropertyName("quote")]
    public required string Quote { get; init; }

    [JsonPropertyName("period")]
    public required string Period { get; init; }

    [JsonPropertyName("count")]
    public int? Count { get; init; }

    [JsonPropertyName("quota")]
    public decimal? Quota { get; init; }

    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    [JsonPropertyName("actor")]
    public string? Actor { get; init; }

    [JsonPropertyName("window")]
    public string? Window { get; init; }

    [JsonPropertyName("deadline")]
    public string? Deadline { get; init; }

    public static IReadOnlyList<DutyGoldEntry> Load(string fileName) =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Duties", fileName))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<DutyGoldEntry>(l, Json)!)];

    [GeneratedRegex(@"[\s\u3000]+")]
    private static partial Regex WhiteSpace();

    private static string Normalize(string? text) => WhiteSpace().Replace(text ?? "", "");

    /// <summary>As the eval script: quote and text overlap, and period and count (or quota) agree.</summary>
    public bool IsFoundBy(Duty duty)
    {
        var quote = Normalize(Quote);
        var text = Normalize(duty.Text);
        if (!text.Contains(quote, StringComparison.Ordinal) && !quote.Contains(text, StringComparison.Ordinal))
        {
            return false;
        }

        return duty.Period == Period && (Quota is not null ? duty.Quota?.Amount == Quota : duty.Count == Count);
    }

    /// <summary>Also the kind, actor, window and deadline where this entry names them.</summary>
    public bool IsFoundExactlyBy(Duty duty) =>
        IsFoundBy(duty)
        && (Kind is null || duty.Kind == Kind)
        && (Actor is null || duty.Actor == Actor)
        && (Window is null || duty.Window == Window)
        && (Deadline is null || duty.Deadline == Deadline);

    public override string ToString() => $"{Quote} {Period} {Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Quota + "学时"} {Kind} {Actor} {Window} {Deadline}";
}
