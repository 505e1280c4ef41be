namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>The clause that answers leads: a scoring sheet's line gives way to the plain rule it restates.</summary>
public sealed partial class ClauseRetriever
{
    // A line of a scoring sheet ("严格执行组织生活会（1分）") never leads where a plain rule on the same topic exists: unless
    // the question asks for points, a plain clause sharing the leader's topics with the question goes first — the one that
    // restates the scored rule most closely (scoring sheets restate the lists' rules), among those close in score. A plain
    // clause must also state a count when the scored line does and the question asks how often or how much.
    private void LeadWithAPlainRule(
        List<(int Clause, double Score)> ranked, TopicSet queryConcepts, QueryIntent intent, HashSet<string> namedDocuments,
        AskedQuestion asked, TopicSet askedTopics, List<(string Word, int Topic)> focus)
    {
        const double minimumShare = 0.6;
        const double RestatementWeight = 4;
        var best = ranked[0];
        var scored = features[best.Clause];
        if (!scored.IsScoring)
        {
            return;
        }

        var topic = scored.Concepts & queryConcepts;
        var needsCount = scored.HasCount && (intent & (QueryIntent.Frequency | QueryIntent.Quota | QueryIntent.Threshold)) != 0;
        var scoredBigrams = Bigrams(scored.Normalized);
        // When the question asks for a fact (什么时候, 几次), a plain clause stating it is preferred to one that does not.
        int? chosen = null;
        var chosenStates = false;
        var chosenValue = double.MinValue;
        for (var k = 1; k < Math.Min(ranked.Count, SubstringRerankCount); k++)
        {
            var f = features[ranked[k].Clause];
            if (f.IsScoring || f.IsLead || ranked[k].Score < best.Score * minimumShare || (f.Concepts & topic) != topic || (needsCount && !f.HasCount)
                || (namedDocuments.Count > 0 && !namedDocuments.Contains(f.Clause.DocumentId)))
            {
                continue;
            }

            var plainBigrams = Bigrams(f.Normalized);
            var restates = scoredBigrams.Count == 0 ? 0 : (double)scoredBigrams.Count(plainBigrams.Contains) / scoredBigrams.Count;
            var value = ranked[k].Score + RestatementWeight * restates;
            var states = focus.Count > 0 && StatesTheAskedFact(f, asked, askedTopics, focus);
            if ((states && !chosenStates) || (states == chosenStates && value > chosenValue))
            {
                chosen = k;
                chosenStates = states;
                chosenValue = value;
            }
        }

        if (chosen is { } at)
        {
            // It now ranks first, and its score says so (sources are reported best first by score).
            var plain = ranked[at];
            ranked.RemoveAt(at);
            ranked.Insert(0, (plain.Clause, best.Score + Promotion));
        }
    }

    private static HashSet<string> Bigrams(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k + 1 < text.Length; k++)
        {
            if (text[k] > 0x2E80 && text[k + 1] > 0x2E80)
            {
                set.Add(text.Substring(k, 2));
            }
        }

        return set;
    }
}
