using PartyAffairs.Knowledge.Corpus;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>What the retriever precomputes for a clause once, at index time.</summary>
internal sealed partial class ClauseFeatures
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^([\u4e00-\u9fa5]{0,4}(?:书记|委员|组长))：")]
    private static partial System.Text.RegularExpressions.Regex LabelPattern();

    private const int LeadLength = 14;

    // Points in brackets, as scoring sheets write them: (1分), (2分,每次1分), (扣0.5分).
    [System.Text.RegularExpressions.GeneratedRegex(@"\([^()]{0,12}\d+(\.\d+)?分")]
    private static partial System.Text.RegularExpressions.Regex ScoringNote();

    // A scoring table's row label with its points (学习星 25分): every line under it is a line of the scoring sheet.
    [System.Text.RegularExpressions.GeneratedRegex(@"^\S{2,6}\s*\d+分$")]
    private static partial System.Text.RegularExpressions.Regex RowPoints();

    // A short sentence that only announces a list ("要按照以下程序进行。") answers nothing itself.
    [System.Text.RegularExpressions.GeneratedRegex(@"按照以下|如下|以下(程序|几|方面|内容|步骤)")]
    private static partial System.Text.RegularExpressions.Regex AnnouncesList();

    public required Clause Clause { get; init; }

    /// <summary>The clause text, normalized.</summary>
    public required string Normalized { get; init; }

    /// <summary>Headings and, for a sentence, the lead sentence of its unit; normalized.</summary>
    public required string Context { get; init; }

    public required TopicSet Concepts { get; init; }

    public required TopicSet ContextConcepts { get; init; }

    public required QueryIntent Intents { get; init; }

    /// <summary>The roles the clause's section is written for (its headings), as opposed to roles it merely mentions.</summary>
    public required IReadOnlyList<string> ActorRoles { get; init; }

    /// <summary>A short heading-like first sentence ("1.认真履行“第一责任人”职责。") that states no requirement itself.</summary>
    public required bool IsLead { get; init; }

    /// <summary>A line of a scoring sheet: it gives points ("（1分）", "（2分，每次1分）") or is a table row's value ("学习星 25分").</summary>
    public required bool IsScoring { get; init; }

    /// <summary>States an explicit count ("1次", "32学时").</summary>
    public required bool HasCount { get; init; }

    /// <summary>States an explicit date or limit ("3月底前", "30日内").</summary>
    public required bool HasDate { get; init; }

    /// <summary>For each topic of the clause, whether a count or period stands right by it ("召开1次组织生活会").</summary>
    public required TopicSet CountedConcepts { get; init; }

    /// <summary>Where the clause states counts or periods (<see cref="ConceptLexicon.CountSpans"/>), computed once.</summary>
    public required IReadOnlyList<(int Start, int End)> CountSpans { get; init; }

    /// <summary>For each topic of the clause, where its text names it (<see cref="ConceptLexicon.ConceptSpans"/>), computed once.</summary>
    public required IReadOnlyDictionary<int, IReadOnlyList<(int Start, int End)>> TopicSpans { get; init; }

    /// <summary>The periods the clause states (Y, M, Q, H, W), from <see cref="ConceptLexicon.ClausePeriods"/>.</summary>
    public required string Periods { get; init; }

    /// <summary>The role label the clause starts with ("组织委员" of "组织委员：负责…"), else null.</summary>
    public string? Label { get; init; }

    private static TopicSet Counted(string normalized, TopicSet concepts)
    {
        var counts = ConceptLexicon.CountSpans(normalized);
        var counted = default(TopicSet);
        for (var i = 0; i < ConceptLexicon.All.Count; i++)
        {
            if (!concepts.Contains(i))
            {
                continue;
            }

            foreach (var (start, end) in ConceptLexicon.ConceptSpans(i, normalized))
            {
                if (counts.Any(c => ConceptLexicon.IsNear(normalized, c, (start, end))))
                {
                    counted |= TopicSet.Of(i);
                    break;
                }
            }
        }

        return counted;
    }

    // A table item's row label, as its id names it ("§4.学习星.1#2" → 学习星).
    private static string? TableLabel(Clause clause)
    {
        var parts = clause.Id.Split('.');
        return (parts.Length >= 3 || clause.Kind == ClauseKind.TableRow) && parts.Length >= 2 && parts[1].Length >= 2
            && !parts[1].Any(char.IsDigit) && parts[1] is not ("注" or "备注") ? parts[1] : null;
    }

    public static ClauseFeatures Create(Clause clause, IReadOnlyDictionary<(string, string), Clause> leads)
    {
        var normalized = TextNormalizer.Normalize(clause.Text);
        var lead = clause.ParentId is null ? null : leads.GetValueOrDefault((clause.DocumentId, clause.ParentId));
        var labelMatch = LabelPattern().Match(clause.Text);
        var label = labelMatch.Success ? labelMatch.Groups[1].Value
            : clause.Kind is ClauseKind.TableItem or ClauseKind.TableRow || (clause.Kind == ClauseKind.Sentence && clause.Id.StartsWith('§') && clause.HeadingPath.Count >= 3)
                ? TableLabel(clause) : null;
        var headings = clause.HeadingPath.Skip(Math.Max(0, clause.HeadingPath.Count - 3));
        var context = TextNormalizer.Normalize(string.Join("，", headings) + (lead is not null && lead != clause ? "，" + lead.Text : string.Empty));
        IReadOnlyList<string> actor = label is null
            ? clause.HeadingPath.Reverse().Select(RoleLexicon.Find).FirstOrDefault(r => r.Count > 0) ?? []
            : RoleLexicon.Find(label) is { Count: > 0 } labelRoles ? labelRoles : clause.Roles.Take(1).ToList();
        var concepts = ConceptLexicon.ClauseConcepts(normalized);
        return new ClauseFeatures
        {
            CountSpans = ConceptLexicon.CountSpans(normalized),
            TopicSpans = concepts.Indexes().ToDictionary(i => i, i => ConceptLexicon.ConceptSpans(i, normalized)),
            Clause = clause,
            Normalized = normalized,
            Context = context,
            Concepts = ConceptLexicon.ClauseConcepts(normalized),
            ContextConcepts = ConceptLexicon.ClauseConcepts(context),
            Intents = ConceptLexicon.ClauseIntents(normalized),
            ActorRoles = actor,
            HasCount = ConceptLexicon.HasExplicitCount(normalized),
            Periods = ConceptLexicon.ClausePeriods(normalized),
            CountedConcepts = Counted(normalized, ConceptLexicon.ClauseConcepts(normalized)),
            HasDate = ConceptLexicon.HasExplicitDate(normalized),
            IsScoring = clause.Kind == ClauseKind.TableRow || ScoringNote().IsMatch(normalized) || clause.HeadingPath.Any(h => RowPoints().IsMatch(h)),
            Label = label,
            IsLead = normalized.EndsWith(':')
                || (normalized.Length <= 40 && AnnouncesList().IsMatch(normalized))
                || clause.Kind == ClauseKind.Sentence && clause.Id.EndsWith("#1", StringComparison.Ordinal) && normalized.Length <= LeadLength + 4
                && ConceptLexicon.ClauseIntents(normalized) == QueryIntent.None,
        };
    }
}
