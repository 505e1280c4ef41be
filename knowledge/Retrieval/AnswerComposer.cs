using System.Text;
using System.Text.RegularExpressions;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>
/// Writes the Chinese answer for a retrieval result: the requirement first, then its citation, then the rule written for
/// the member's role where the answer is written for someone else, then the rules of other documents on the same topic
/// where they differ (never choosing one silently), then suggestions for an ambiguous question. A scoring table's row is
/// answered with its items; a question whose fact the documents do not state is answered so, with the nearest rules.
/// </summary>
internal static partial class AnswerComposer
{
    private const int MaxSources = 5;
    private const int MaxOtherRules = 3;
    private const int MaxRelatedRules = 3;

    [GeneratedRegex(@"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+\s*[．.、]\s*)")]
    private static partial Regex LeadingMarker();

    [GeneratedRegex(@"^[^。]*[。]?")]
    private static partial Regex FirstSentence();

    public static KnowledgeAnswer Compose(RetrievalResult result, IReadOnlyList<Duty> duties, Func<Clause, string> normalize, Func<Clause, IReadOnlyList<Clause>> rowItems)
    {
        if (!result.InScope || result.Hits.Count == 0)
        {
            return new KnowledgeAnswer
            {
                Answered = false,
                Answer = KnowledgeTexts.OutOfScope(ClauseRetriever.ExampleQuestions),
                Suggestions = ClauseRetriever.ExampleQuestions,
            };
        }

        if (result.NotStated != AskedFact.None)
        {
            return NotStated(result);
        }

        var top = result.Hits[0];
        var text = new StringBuilder();
        text.Append(Requirement(top.Clause.Text)).Append(Citation(top));
        if (top.Clause.Kind == ClauseKind.TableRow)
        {
            AppendRow(text, rowItems(top.Clause));
        }

        var extra = new List<RetrievalHit>();
        if (result.RoleRule is { } roleRule)
        {
            text.Append('\n').Append(KnowledgeTexts.RoleRuleHeading(result.Role ?? string.Empty))
                .Append(Requirement(roleRule.Clause.Text)).Append(Citation(roleRule));
            extra.Add(roleRule);
        }

        var others = OtherRules(result, duties, normalize);
        if (others.Count > 0)
        {
            text.Append('\n').Append(KnowledgeTexts.OtherRulesHeading);
            foreach (var other in others)
            {
                text.Append('\n').Append("· ").Append(KnowledgeTexts.OtherRule(
                    ClauseCitation.ListTitle(other.Clause, other.Document), other.Document.Number, ClauseCitation.Reference(other.Clause), Requirement(other.Clause.Text)));
            }
        }

        if (result.Ambiguous && result.Suggestions.Count > 0)
        {
            text.Append('\n').Append(KnowledgeTexts.DidYouMean).Append(string.Join("；", result.Suggestions));
        }

        var shown = result.Hits.Take(MaxSources).ToList();
        return new KnowledgeAnswer
        {
            Answered = true,
            Answer = text.ToString(),
            Sources = [.. shown.Concat(others.Concat(extra).Where(o => !shown.Any(h => ReferenceEquals(h.Clause, o.Clause))).DistinctBy(h => h.Clause))
                .OrderByDescending(h => h.Score).Select(Source)],
            Suggestions = result.Ambiguous ? result.Suggestions : [],
        };
    }

    /// <summary>The clause as a statement: its numbering marker removed, the source's typing slips corrected.</summary>
    public static string Requirement(string clauseText) => SourceText.Corrected(LeadingMarker().Replace(clauseText, string.Empty).Trim());

    private static string Citation(RetrievalHit hit) =>
        KnowledgeTexts.Citation(ClauseCitation.ListTitle(hit.Clause, hit.Document), hit.Document.Number, ClauseCitation.Reference(hit.Clause));

    private static AnswerSource Source(RetrievalHit h) => new()
    {
        Document = h.Document.Id, DocumentTitle = h.Document.Title, ClauseId = h.Clause.Id, Text = h.Clause.Text, Score = h.Score,
    };

    // The documents state no fact of the asked kind: say so, and give the nearest related rules with their citations.
    private static KnowledgeAnswer NotStated(RetrievalResult result)
    {
        var related = result.Hits.Take(MaxRelatedRules).OrderByDescending(h => h.Score).ToList();
        var text = new StringBuilder(KnowledgeTexts.NotStated(KnowledgeTexts.FactName(result.NotStated)));
        foreach (var hit in related)
        {
            text.Append('\n').Append("· ").Append(Requirement(hit.Clause.Text)).Append(Citation(hit));
        }

        return new KnowledgeAnswer
        {
            Answered = false,
            NotStated = true,
            Answer = text.ToString(),
            Sources = [.. related.Select(Source)],
        };
    }

    // A scoring table's row: what it holds, column by column (学习星 25分 → 1. 明确学习教育内容（10分）…; 重扣分项：…).
    private static void AppendRow(StringBuilder text, IReadOnlyList<Clause> items)
    {
        foreach (var column in items.GroupBy(ColumnOf))
        {
            var lines = column.Where(c => c.ParentId is null || c.Id.EndsWith("#1", StringComparison.Ordinal))
                .Select(c => FirstSentence().Match(SourceText.Corrected(c.Text.Trim())).Value.TrimEnd('。'))
                .Where(l => l.Length > 0)
                .ToList();
            if (lines.Count > 0)
            {
                text.Append('\n').Append(column.Key.Length > 0 ? column.Key + "：" : KnowledgeTexts.RowItemsHeading).Append(string.Join("；", lines)).Append('。');
            }
        }
    }

    // A second content column of a table row is named in the item's id (§4.学习星.重扣分项.2); the first has no name.
    private static string ColumnOf(Clause item)
    {
        var parts = item.Id.Split('#')[0].Split('.');
        return parts.Length >= 4 && !parts[^2].Any(char.IsDigit) ? parts[^2] : string.Empty;
    }

    private static List<RetrievalHit> OtherRules(RetrievalResult result, IReadOnlyList<Duty> duties, Func<Clause, string> normalize)
    {
        var top = result.Hits[0];
        if (top.Concepts.Count == 0)
        {
            return [];
        }

        var seenDocuments = new HashSet<string>(StringComparer.Ordinal) { top.Document.Id };
        var topic = top.Concepts[0];
        var seenRules = new HashSet<string>(StringComparer.Ordinal) { Rule(top, topic, duties, normalize) };
        var others = new List<RetrievalHit>();
        foreach (var hit in result.OtherDocuments)
        {
            if (others.Count >= MaxOtherRules || seenDocuments.Contains(hit.Document.Id))
            {
                continue;
            }

            var rule = Rule(hit, topic, duties, normalize);
            if (rule.Length > 0 && seenRules.Add(rule))
            {
                seenDocuments.Add(hit.Document.Id);
                others.Add(hit);
            }
        }

        return others;
    }

    // What a clause requires of a topic, reduced to compare across documents: its duties where known, else the counts and
    // periods written right by the topic ("每月相对固定1天开展主题党日" and "开展1次主题党日" both give 每月-style rules).
    private static string Rule(RetrievalHit hit, string topic, IReadOnlyList<Duty> duties, Func<Clause, string> normalize)
    {
        var own = duties.Count == 0 ? [] : duties.Where(d => d.Document == hit.Clause.DocumentId && d.ClauseId == hit.Clause.Id)
            .Select(d => $"{d.Kind}:{d.Period}:{d.Count}:{d.Quota?.Amount}")
            .Order(StringComparer.Ordinal)
            .ToList();
        if (own.Count > 0)
        {
            return string.Join('|', own);
        }

        var normalized = normalize(hit.Clause);
        var spans = ConceptLexicon.CountSpansNear(topic, normalized);
        return string.Join('|', spans.Select(s => normalized[s.Start..s.End]));
    }
}
