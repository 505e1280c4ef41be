using System.Text.Json;
using System.Text.RegularExpressions;

namespace PartyAffairs.Knowledge.Tests.Retrieval;

/// <summary>A question file in the eval format: one <c>{"q", "expect"}</c> per line; an empty expect marks out of scope.</summary>
internal sealed partial record QuestionSet(IReadOnlyList<(string Question, IReadOnlyList<string> Expect)> Questions)
{
    [GeneratedRegex(@"[\s\u3000]+")]
    private static partial Regex WhiteSpace();

    public static QuestionSet Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", fileName);
        var questions = File.ReadLines(path)
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (e.GetProperty("q").GetString()!, (IReadOnlyList<string>)[.. e.GetProperty("expect").EnumerateArray().Select(x => Normalize(x.GetString()!))]))
            .ToList();
        return new QuestionSet(questions);
    }

    /// <summary>Scores the knowledge base as qa_eval.py does: a hit is a returned source containing an expected quote.</summary>
    public Score Run(IKnowledgeBase knowledgeBase)
    {
        int top1 = 0, top3 = 0, inScope = 0, refused = 0, outOfScope = 0;
        var misses = new List<string>();
        foreach (var (question, expect) in Questions)
        {
            var answer = knowledgeBase.Ask(question);
            if (expect.Count == 0)
            {
                outOfScope++;
                if (!answer.Answered)
                {
                    refused++;
                }
                else
                {
                    misses.Add("answered out of scope: " + question);
                }

                continue;
            }

            inScope++;
            var texts = answer.Answered ? answer.Sources.Take(3).Select(s => Normalize(s.Text)).ToList() : [];
            if (texts.Count > 0 && expect.Any(e => texts[0].Contains(e, StringComparison.Ordinal)))
            {
                top1++;
            }
            else
            {
                misses.Add("not first: " + question + " → " + (answer.Sources.Count > 0 ? answer.Sources[0].Text : "(nothing)"));
            }

            if (texts.Any(t => expect.Any(e => t.Contains(e, StringComparison.Ordinal))))
            {
                top3++;
            }
        }

        return new Score(100.0 * top1 / inScope, 100.0 * top3 / inScope, refused, outOfScope, misses);
    }

    private static string Normalize(string s) => WhiteSpace().Replace(s, string.Empty);

    internal sealed record Score(double Top1, double Top3, int Refused, int OutOfScope, IReadOnlyList<string> Misses)
    {
        public override string ToString() =>
            $"top1={Top1:0.0}% top3={Top3:0.0}% refused={Refused}/{OutOfScope}\n" + string.Join('\n', Misses);
    }
}
