using System.Text.Json;
using System.Text.RegularExpressions;

namespace PartyAffairs.Knowledge.Tests.Retrieval;

/// <summary>
/// A question file in the eval format: one <c>{"q", "expect"}</c> per line; an empty expect marks out of scope, and
/// <c>"notStated": true</c> (with an empty expect) a question in scope whose fact the documents do not state, optionally
/// with <c>"related"</c> quotes one of which the nearest related clauses must hold.
/// </summary>
internal sealed partial record QuestionSet(IReadOnlyList<QuestionSet.Question> Questions)
{
    [GeneratedRegex(@"[\s\u3000]+")]
    private static partial Regex WhiteSpace();

    public static QuestionSet Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", fileName);
        var questions = File.ReadLines(path)
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => new Question(
                e.GetProperty("q").GetString()!,
                [.. e.GetProperty("expect").EnumerateArray().Select(x => Normalize(x.GetString()!))],
                e.TryGetProperty("notStated", out var notStated) && notStated.GetBoolean(),
                e.TryGetProperty("related", out var related) ? [.. related.EnumerateArray().Select(x => Normalize(x.GetString()!))] : []))
            .ToList();
        return new QuestionSet(questions);
    }

    /// <summary>Scores the knowledge base as qa_eval.py does: a hit is a returned source containing an expected quote.</summary>
    public Score Run(IKnowledgeBase knowledgeBase, string? role = null)
    {
        int top1 = 0, top3 = 0, inScope = 0, refused = 0, outOfScope = 0, notStated = 0, recognised = 0;
        var misses = new List<string>();
        foreach (var question in Questions)
        {
            var answer = knowledgeBase.Ask(question.Text, role);
            if (question.NotStated)
            {
                notStated++;
                var related = answer.Sources.Take(3).Select(s => Normalize(s.Text)).ToList();
                if (!answer.Answered && answer.NotStated && answer.Sources.Count > 0
                    && (question.Related.Count == 0 || related.Any(t => question.Related.Any(r => t.Contains(r, StringComparison.Ordinal)))))
                {
                    recognised++;
                }
                else
                {
                    misses.Add("not recognised as not stated: " + question.Text + " → " + (answer.Sources.Count > 0 ? answer.Sources[0].Text : "(nothing)"));
                }

                continue;
            }

            if (question.Expect.Count == 0)
            {
                outOfScope++;
                if (!answer.Answered && !answer.NotStated)
                {
                    refused++;
                }
                else
                {
                    misses.Add("answered out of scope: " + question.Text);
                }

                continue;
            }

            inScope++;
            var texts = answer.Answered ? answer.Sources.Take(3).Select(s => Normalize(s.Text)).ToList() : [];
            if (texts.Count > 0 && question.Expect.Any(e => texts[0].Contains(e, StringComparison.Ordinal)))
            {
                top1++;
            }
            else
            {
                misses.Add("not first: " + question.Text + " → " + (answer.Sources.Count > 0 ? answer.Sources[0].Text : "(nothing)"));
            }

            if (texts.Any(t => question.Expect.Any(e => t.Contains(e, StringComparison.Ordinal))))
            {
                top3++;
            }
        }

        return new Score(Percent(top1, inScope), Percent(top3, inScope), refused, outOfScope, recognised, notStated, misses);
    }

    private static double Percent(int part, int whole) => whole == 0 ? 100 : 100.0 * part / whole;

    private static string Normalize(string s) => WhiteSpace().Replace(s, string.Empty);

    internal sealed record Question(string Text, IReadOnlyList<string> Expect, bool NotStated, IReadOnlyList<string> Related);

    internal sealed record Score(double Top1, double Top3, int Refused, int OutOfScope, int NotStatedRecognised, int NotStated, IReadOnlyList<string> Misses)
    {
        public override string ToString() =>
            $"top1={Top1:0.0}% top3={Top3:0.0}% refused={Refused}/{OutOfScope} notStated={NotStatedRecognised}/{NotStated}\n" + string.Join('\n', Misses);
    }
}
