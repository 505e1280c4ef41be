using System.Text;
using System.Text.RegularExpressions;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>
/// Writes the Chinese answer for a retrieval result: the requirement first, then its citation, then the rules of other
/// documents on the same topic where they differ (never choosing one silently), then suggestions for an ambiguous question.
/// </summary>
internal static partial class AnswerComposer
{
    private const int MaxSources = 5;
    private const int MaxOtherRules = 3;

    [GeneratedRegex(@"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+\s*[．.、]\s*)")]
    private static partial Regex LeadingMarker();

    public static KnowledgeAnswer Compose(RetrievalResult result, IReadOnlyList<Duty> duties, Func<Clause, string> normalize)
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

        var top = result.Hits[0];
        var text = new StringBuilder();
        text.Append(Requirement(top.Clause.Text));
        text.Append(KnowledgeTexts.Citation(top.Document.Title, top.Document.Number, top.Clause.Id));

        var others = OtherRules(result, duties, normalize);
        if (others.Count > 0)
        {
            text.Append('\n').Append(KnowledgeTexts.OtherRulesHeading);
            foreach (var other in others)
            {
                text.Append('\n').Append("· ").Append(KnowledgeTexts.OtherRule(other.Document.Title, other.Document.Number, other.Clause.Id, Requirement(other.Clause.Text)));
            }
        }

        if (result.Ambiguous && result.Suggestions.Count > 0)
        {
            text.Append('\n').Append(KnowledgeTexts.DidYouMean).Append(string.Join("；", result.Suggestions));
        }

        return new KnowledgeAnswer
        {
            Answered = true,
            Answer = text.ToString(),
            Sources = [.. result.Hits.Take(MaxSources).Concat(others.Where(o => !result.Hits.Take(MaxSources).Any(h => ReferenceEquals(h.Clause, o.Clause)))).Select(h => new AnswerSource
            {
                Document = h.Document.Id, DocumentTitle = h.Document.Title, ClauseId = h.Clause.Id, Text = h.Clause.Text, Score = h.Score,
            })],
            Suggestions = result.Ambiguous ? result.Suggestions : [],
        };
    }

    /// <summary>The clause as a statement: its numbering marker removed.</summary>
    public static string Requirement(string clauseText) => LeadingMarker().Replace(clauseText, string.Empty).Trim();

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
