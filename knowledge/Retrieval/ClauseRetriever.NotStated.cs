using System.Text.RegularExpressions;
using PartyAffairs.Knowledge.Corpus;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>
/// The facts questions ask for (a number, a length, a date, a term, an amount): which words they are asked of, which clause
/// states them, and "the documents do not say" when no candidate clause does (docs/knowledge.md).
/// </summary>
public sealed partial class ClauseRetriever
{
    // Topics this specific (a duty or a named institution: 思想汇报, 党小组会, 换届) are asked of by any of their words.
    private const double SpecificTopicWeight = 3;

    // "The documents do not say": the question asks for a fact (a number, a length, a date, a term, an amount) about a
    // specific topic, and none of the leading clauses on that topic states a fact of that kind by the words the question
    // asks it of. Returns those clauses (the nearest related rules), or null when a clause states it or the question asks
    // for no such fact.
    private List<(int Clause, double Score)>? NearestWithoutTheFact(
        List<(int Clause, double Score)> ranked, string normalized, TopicSet queryConcepts, AskedQuestion asked, List<(string Word, int Topic)> askedWords)
    {
        const int candidates = 10;
        var topics = SpecificTopics(queryConcepts);

        if (asked.Fact == AskedFact.None)
        {
            return null;
        }

        // A question naming no topic at all asks its fact of the body or role it names (党小组最少要有几个人): the clauses
        // about that role (naming it, or written for it) are the candidates, and a fact anywhere in one of them counts.
        var askedRoles = topics.IsEmpty && queryConcepts.IsEmpty ? RoleLexicon.Find(normalized) : [];
        var focus = !topics.IsEmpty ? askedWords : [];
        if (focus.Count == 0 && askedRoles.Count == 0)
        {
            return null;
        }

        var related = new List<(int Clause, double Score)>();
        foreach (var (index, score) in ranked.Take(candidates))
        {
            var f = features[index];
            var own = f.Concepts & topics;
            if (askedRoles.Count > 0)
            {
                if (!askedRoles.Any(f.Clause.Roles.Contains))
                {
                    continue;
                }

                if (StatedFacts.States(asked, f.Normalized, [], counts: f.CountSpans))
                {
                    return null;
                }

                related.Add((index, score));
                continue;
            }

            if (own.IsEmpty && (f.ContextConcepts & topics).IsEmpty)
            {
                continue;
            }

            // A clause that names the asked topic only in its headings may state the fact anywhere; one that names it in its
            // text must state it by the words the fact is asked of, else it speaks of something else (预备党员…书面汇报 says
            // nothing of when 转正 happens).
            var anchors = AnchorSpans(f, focus);
            var statesIt = own.IsEmpty ? StatedFacts.States(asked, f.Normalized, [], counts: f.CountSpans) : anchors.Count > 0 && StatedFacts.States(asked, f.Normalized, anchors, counts: f.CountSpans);
            if (statesIt)
            {
                return null;
            }

            related.Add((index, score));
        }

        if (related.Count == 0)
        {
            return null;
        }

        // The nearest related rules are the ones on what the fact is asked of (换届 of 支委会几年换届一次), wherever they
        // rank, then the leading clauses on the question's other topics.
        var onFocus = focus.Count == 0 ? [] : ranked.Where(r => AnchorSpans(features[r.Clause], focus).Count > 0).ToList();
        return [.. onFocus.Concat(related).DistinctBy(r => r.Clause).OrderBy(r => features[r.Clause].IsScoring)];
    }

    // Whether a clause states the asked fact by the words it is asked of; a clause naming the asked topic only in its headings
    // or lead sentence may state it anywhere.
    private static bool StatesTheAskedFact(ClauseFeatures f, AskedQuestion asked, TopicSet askedTopics, List<(string Word, int Topic)> askedWords)
    {
        if (!askedTopics.IsEmpty && (f.Concepts & askedTopics).IsEmpty)
        {
            return !(f.ContextConcepts & askedTopics).IsEmpty && StatedFacts.States(asked, f.Normalized, [], strict: true, f.CountSpans);
        }

        var anchors = AnchorSpans(f, askedWords);
        return anchors.Count > 0 && StatedFacts.States(asked, f.Normalized, anchors, strict: true, f.CountSpans);
    }

    private static TopicSet SpecificTopics(TopicSet queryConcepts)
    {
        var topics = default(TopicSet);
        foreach (var c in ConceptIndexes(queryConcepts).Where(c => ConceptLexicon.All[c].Weight >= 2))
        {
            topics |= TopicSet.Of(c);
        }

        return topics;
    }

    // The words of the question the fact is asked of: its words for the asked topics — the ones after the question words
    // when there are any (预备党员什么时候可以转正 asks of 转正, not of 预备党员) — and, for a measure (多少人赞成, 配多少, 学习
    // 多长时间), the other content words too, since the measured thing is often not a topic. A word the documents never
    // write (补上 for 增补) stands for its topic, found by the topic's own words; -1 marks a plain word.
    private List<(string Word, int Topic)> AskedWords(string normalized, string withoutFiller, TopicSet topics, AskedQuestion asked)
    {
        var literals = ConceptIndexes(topics)
            .SelectMany(c => ConceptLexicon.All[c].Query.Matches(normalized).Where(m => m.Length > 0).Select(m => (Match: m, Topic: c)))
            .ToList();
        var after = literals.Where(l => asked.At >= 0 && l.Match.Index > asked.At).ToList();
        var quantity = StatedFacts.IsQuantity(asked.Fact);
        var focus = (after.Count > 0 && !quantity ? after : literals)
            .Select(l => (l.Match.Value, IsAskedByItsWord(l.Topic, l.Match.Value) ? -1 : l.Topic))
            .ToList();
        if (quantity)
        {
            var withoutRoles = roleWords.Replace(withoutFiller, "，");
            // The Chinese bigrams of what is left, as the index's analyzer would give them (read directly: this runs per question).
            for (var k = 0; k + 1 < withoutRoles.Length; k++)
            {
                if (withoutRoles[k] > 0x2E80 && withoutRoles[k + 1] > 0x2E80 && char.IsLetter(withoutRoles[k]) && char.IsLetter(withoutRoles[k + 1]))
                {
                    var bigram = withoutRoles.Substring(k, 2);
                    if (!focus.Any(w => w.Value.Contains(bigram, StringComparison.Ordinal)))
                    {
                        focus.Add((bigram, -1));
                    }
                }
            }
        }

        return [.. focus.Distinct()];
    }

    // A word the documents write stands for itself, unless it names a specific topic the documents also write in other
    // words (思想汇报: 书面汇报, 书面形式汇报…思想工作情况): then any of them is where the fact is asked of.
    private static bool IsAskedByItsWord(int topic, string word)
    {
        var concept = ConceptLexicon.All[topic];
        return concept.Clause.Match(word).Value == word && concept.Weight < SpecificTopicWeight;
    }

    // Where a clause has the given words, or for a word standing for a topic, the topic's own words.
    private static List<(int Start, int End)> AnchorSpans(ClauseFeatures f, List<(string Word, int Topic)> words)
    {
        var clause = f.Normalized;
        var spans = new List<(int Start, int End)>();
        foreach (var (word, topic) in words)
        {
            if (topic >= 0)
            {
                if (f.TopicSpans.TryGetValue(topic, out var topicSpans))
                {
                    spans.AddRange(topicSpans);
                }

                continue;
            }

            for (var at = clause.IndexOf(word, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                spans.Add((at, at + word.Length));
            }
        }

        return spans;
    }
}
