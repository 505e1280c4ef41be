using PartyAffairs.Knowledge.Vocabulary;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>A member's role re-ranks, never filters: its own rule as a second line, and near ties.</summary>
public sealed partial class ClauseRetriever
{
    // The best rule written for the member's role on the topic the answer is about, when the answer itself is written for
    // someone else: shown as a second line, it never displaces the clause that answers the question.
    private RetrievalHit? RoleRule(List<(int Clause, double Score)> ranked, TopicSet queryConcepts, string role, string rosterName)
    {
        const double minimumShare = 0.6;
        var best = ranked[0];
        var topic = features[best.Clause].Concepts & queryConcepts;
        if (topic.IsEmpty || features[best.Clause].IsScoring || WrittenFor(features[best.Clause], role, rosterName))
        {
            return null;
        }

        foreach (var (index, score) in ranked.Skip(1).Take(SubstringRerankCount))
        {
            if (score >= best.Score * minimumShare && !(features[index].Concepts & topic).IsEmpty && !features[index].IsScoring && WrittenFor(features[index], role, rosterName))
            {
                return ToHit(index, score, queryConcepts);
            }
        }

        return null;
    }

    // A clause is written for a role when its section (or label) names that role; a label naming another roster role
    // (宣传委员：… for an 组织委员) is someone else's rule even though both are 支部委员.
    private static bool WrittenFor(ClauseFeatures f, string role, string rosterName) =>
        f.ActorRoles.Contains(role)
        && (f.Label is null || PartyVocabulary.Shipped.FindRosterRole(f.Label) is not { } labelled || labelled.Name == rosterName);

    // Two leaders scoring within TieMargin are a tie; the one written for the member's role goes first.
    private void BreakTieForRole(List<(int Clause, double Score)> ranked, string role)
    {
        const double TieMargin = 0.1;
        if (ranked.Count > 1 && ranked[0].Score - ranked[1].Score < TieMargin
            && !features[ranked[0].Clause].ActorRoles.Contains(role) && features[ranked[1].Clause].ActorRoles.Contains(role))
        {
            (ranked[0], ranked[1]) = ((ranked[1].Clause, ranked[0].Score + Promotion), ranked[0]);
        }
    }
}
