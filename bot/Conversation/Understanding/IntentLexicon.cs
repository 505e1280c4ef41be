using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>
/// The words that drive recognition, loaded from <c>IntentLexicon.json</c> (an embedded resource): phrases per intent,
/// duty synonyms, cue words, leave reasons, command prefixes. Extending recognition means editing that file, not code.
/// </summary>
public sealed class IntentLexicon
{
    private const string ResourceName = "PartyAffairs.Bot.Conversation.Understanding.IntentLexicon.json";

    private static readonly Lazy<IntentLexicon> Shipped = new(() =>
    {
        using var stream = typeof(IntentLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Load(stream);
    });

    private IntentLexicon(LexiconFile file)
    {
        File = file;
        DutyNames = file.Duties
            .SelectMany(d => d.Names.Select(n => (Name: n, d.Kind)))
            .OrderByDescending(p => p.Name.Length)
            .ToArray();
        DutyNamesByFirst = DutyNames.GroupBy(p => p.Name[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        Duties = file.Duties.ToFrozenDictionary(d => d.Kind, StringComparer.Ordinal);
        Reasons = file.Reasons
            .SelectMany(r => r.Words.Select(w => (Word: w, r.Reason)))
            .OrderByDescending(p => p.Word.Length)
            .ToArray();
        DuesCategories = file.DuesCategories
            .SelectMany(c => c.Words.Select(w => (Word: w, c.Category)))
            .OrderByDescending(p => p.Word.Length)
            .ToArray();
        Verbs = file.Verbs.OrderByDescending(v => v.Length).ToArray();
        Typos = file.Typos.OrderByDescending(t => t.Key.Length).ToArray();
        Greetings = file.Greetings.ToFrozenSet(StringComparer.Ordinal);
        Thanks = file.Thanks.ToFrozenSet(StringComparer.Ordinal);
        Acknowledgements = file.Acknowledgements.ToFrozenSet(StringComparer.Ordinal);
        Byes = file.Byes.ToFrozenSet(StringComparer.Ordinal);
        CompletionMarks = file.CompletionMarks.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The lexicon shipped with the bot (loaded once).</summary>
    public static IntentLexicon Default => Shipped.Value;

    /// <summary>Reads a lexicon file (the shipped one, or an operator's copy); throws <see cref="InvalidDataException"/> when it is not valid.</summary>
    public static IntentLexicon Load(Stream json)
    {
        LexiconFile? file;
        try
        {
            file = JsonSerializer.Deserialize<LexiconFile>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The intent lexicon is not valid JSON: {e.Message}", e);
        }

        if (file is null || file.Duties.Count == 0)
        {
            throw new InvalidDataException("The intent lexicon names no duties.");
        }

        if (file.Duties.Any(d => d.Kind.Length == 0 || d.Names.Count == 0 || d.Names.Any(n => n.Length == 0)))
        {
            throw new InvalidDataException("Every duty in the intent lexicon needs a kind and at least one non-empty name.");
        }

        var unknown = file.VerbCandidates.Values.SelectMany(v => v).Where(k => file.Duties.All(d => d.Kind != k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidDataException($"verbCandidates name duties the lexicon does not define: {string.Join(", ", unknown.Distinct())}.");
        }

        return new IntentLexicon(file);
    }

    internal LexiconFile File { get; }

    /// <summary>Every canonical duty kind, in file order.</summary>
    public IReadOnlyList<string> DutyKinds => File.Duties.Select(d => d.Kind).ToArray();

    internal (string Name, string Kind)[] DutyNames { get; }

    /// <summary>Duty names by first character, longest first: the duty scan looks at a handful of names per position.</summary>
    internal FrozenDictionary<char, (string Name, string Kind)[]> DutyNamesByFirst { get; }

    internal FrozenDictionary<string, LexiconDuty> Duties { get; }

    internal (string Word, string Reason)[] Reasons { get; }

    internal (string Word, string Category)[] DuesCategories { get; }

    internal string[] Verbs { get; }

    internal KeyValuePair<string, string>[] Typos { get; }

    internal FrozenSet<string> Greetings { get; }

    internal FrozenSet<string> Thanks { get; }

    internal FrozenSet<string> Acknowledgements { get; }

    internal FrozenSet<string> Byes { get; }

    internal FrozenSet<string> CompletionMarks { get; }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}

#pragma warning disable CA1812 // Instantiated by System.Text.Json.
internal sealed class LexiconFile
{
    public Dictionary<string, string> Typos { get; init; } = [];

    public List<string> CompletionMarks { get; init; } = [];

    public List<string> TrailingFillers { get; init; } = [];

    public List<string> LeadingFillers { get; init; } = [];

    public List<string> Greetings { get; init; } = [];

    public List<string> Thanks { get; init; } = [];

    public List<string> Acknowledgements { get; init; } = [];

    public List<string> Byes { get; init; } = [];

    /// <summary>Words a small-talk clause may name the bot or a person by (谢谢小助手, 书记好): dropped before matching.</summary>
    public List<string> Addressees { get; init; } = [];

    public PhraseSet Help { get; init; } = new();

    public PhraseSet MyDuties { get; init; } = new();

    public PhraseSet Progress { get; init; } = new();

    public ScheduleWords Schedule { get; init; } = new();

    public List<string> QuestionCues { get; init; } = [];

    public List<string> QuestionEnds { get; init; } = [];

    public List<string> Negations { get; init; } = [];

    public List<string> LeaveCues { get; init; } = [];

    public CompletionWords Completion { get; init; } = new();

    public List<string> Verbs { get; init; } = [];

    public Dictionary<string, List<string>> VerbCandidates { get; init; } = [];

    public List<string> StudyVerbs { get; init; } = [];

    public List<LexiconDuty> Duties { get; init; } = [];

    public List<string> SecretaryRoles { get; init; } = [];

    public List<string> MeetingWords { get; init; } = [];

    public List<LexiconReason> Reasons { get; init; } = [];

    public List<string> ReasonIntros { get; init; } = [];

    public CommandWords Commands { get; init; } = new();

    public RecordLabels RecordLabels { get; init; } = new();

    public List<string> AllAttended { get; init; } = [];

    public List<LexiconDuesCategory> DuesCategories { get; init; } = [];
}

internal sealed class PhraseSet
{
    public List<string> Exact { get; init; } = [];

    public List<string> Cues { get; init; } = [];

    /// <summary>Cues that suffice on their own; <see cref="Cues"/> need one of <see cref="Owners"/> (我, 这个月 …) too.</summary>
    public List<string> Strong { get; init; } = [];

    public List<string> Owners { get; init; } = [];

    public Dictionary<string, string> Implied { get; init; } = [];
}

internal sealed class ScheduleWords
{
    public List<string> Cues { get; init; } = [];

    public List<string> Blockers { get; init; } = [];

    public List<string> GenericMeetings { get; init; } = [];
}

internal sealed class CompletionWords
{
    public List<string> Prefixes { get; init; } = [];

    public List<string> Suffixes { get; init; } = [];

    public List<string> Words { get; init; } = [];
}

internal sealed class LexiconDuty
{
    public string Kind { get; init; } = string.Empty;

    public List<string> Names { get; init; } = [];

    /// <summary>The branch sets its dates (主题党日, 党费 …): “什么时候” questions about it are schedule questions.</summary>
    public bool Schedule { get; init; }

    /// <summary>An occurrence one can take leave from.</summary>
    public bool Leave { get; init; }

    /// <summary>Confirmed for the branch by its officers: offered as a reading only to officer roles.</summary>
    public bool Branch { get; init; }

    /// <summary>Offered as a reading only to these roles (empty: every role).</summary>
    public List<string> Roles { get; init; } = [];
}

internal sealed class LexiconReason
{
    public string Reason { get; init; } = string.Empty;

    public List<string> Words { get; init; } = [];
}

internal sealed class LexiconDuesCategory
{
    public string Category { get; init; } = string.Empty;

    public List<string> Words { get; init; } = [];
}

internal sealed class CommandWords
{
    /// <summary>A member's plain 收到: acknowledges their latest unacknowledged notice, if any (otherwise small talk).</summary>
    public List<string> NoticeAcknowledge { get; init; } = [];

    /// <summary>What a notice's 收到 button sends, followed by the notice's number.</summary>
    public string NoticeAcknowledgeButton { get; init; } = "收到通知";

    /// <summary>通知确认情况 and its exact variants.</summary>
    public List<string> NoticeStatus { get; init; } = [];

    /// <summary>Words that, with 通知 in a short message, ask who acknowledged (谁收到通知了, 通知谁还没确认).</summary>
    public List<string> NoticeStatusCues { get; init; } = [];

    public List<string> Notice { get; init; } = [];

    public List<string> Nudge { get; init; } = [];

    public List<string> Status { get; init; } = [];

    public List<string> StatusCues { get; init; } = [];

    public List<string> NudgeCues { get; init; } = [];

    public List<string> Settings { get; init; } = [];

    public List<string> DuesProfile { get; init; } = [];

    public List<string> DuesProfileNotBefore { get; init; } = [];

    public List<string> ShowPlan { get; init; } = [];

    public List<string> ShowPlanVerbs { get; init; } = [];

    public List<string> Record { get; init; } = [];

    public List<string> Export { get; init; } = [];

    public List<string> ExportObject { get; init; } = [];

    public List<string> Console { get; init; } = [];

    public List<string> ConsoleVerbs { get; init; } = [];

    public List<string> Bind { get; init; } = [];

    public List<string> InviteWords { get; init; } = [];

    public List<string> ReissueWords { get; init; } = [];

    public List<string> InviteLookupVerbs { get; init; } = [];

    public List<string> InviteQuestionWords { get; init; } = [];

    public List<string> Undo { get; init; } = [];

    public List<string> UndoCues { get; init; } = [];

    public List<string> ConfirmAlways { get; init; } = [];

    public List<string> ConfirmWhenPending { get; init; } = [];

    public List<string> Cancel { get; init; } = [];
}

internal sealed class RecordLabels
{
    public List<string> Topic { get; init; } = [];

    public List<string> Speaker { get; init; } = [];

    public List<string> Attendees { get; init; } = [];

    public List<string> Absentees { get; init; } = [];

    public List<string> Place { get; init; } = [];

    public List<string> Notes { get; init; } = [];

    public List<string> Hours { get; init; } = [];
}
#pragma warning restore CA1812
