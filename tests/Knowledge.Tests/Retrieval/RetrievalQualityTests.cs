using PartyAffairs.Knowledge.Vocabulary;

namespace PartyAffairs.Knowledge.Tests.Retrieval;

/// <summary>
/// The quality bars of issues 2 and 9, measured on the eval sample and on our own question files, each asked anonymously
/// and by a member of every roster role with the same bar: a role re-ranks, it never makes the answers worse.
/// </summary>
public sealed class RetrievalQualityTests(KnowledgeBaseFixture fixture) : IClassFixture<KnowledgeBaseFixture>
{
    /// <summary>No role (anonymous) and every role a roster may give a member.</summary>
    public static TheoryData<string?> Roles()
    {
        var roles = new TheoryData<string?> { (string?)null };
        foreach (var role in PartyVocabulary.Shipped.RosterRoles)
        {
            roles.Add(role.Name);
        }

        return roles;
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Ask_EvalSample_Top1AtLeast95PercentAndEveryOutOfScopeRefused(string? role)
    {
        var score = QuestionSet.Load("qa_sample.jsonl").Run(fixture.KnowledgeBase, role);

        Assert.True(score.Top1 >= 95, score.ToString());
        Assert.True(score.Refused == score.OutOfScope, score.ToString());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Ask_ColloquialQuestions_Top1AtLeast92Top3AtLeast98AndOutOfScopeRefused(string? role)
    {
        var set = QuestionSet.Load("colloquial_questions.jsonl");

        var score = set.Run(fixture.KnowledgeBase, role);

        Assert.True(set.Questions.Count(q => q.Expect.Count > 0) >= 140, "the set must stay large enough to mean something");
        Assert.True(score.Top1 >= 92, score.ToString());
        Assert.True(score.Top3 >= 98, score.ToString());
        Assert.True(score.Refused * 8 >= score.OutOfScope * 7, score.ToString());
    }

    [Fact]
    public void ColloquialQuestions_CoverEveryDocument()
    {
        var set = QuestionSet.Load("colloquial_questions.jsonl");

        var documents = set.Questions.Where(q => q.Expect.Count > 0)
            .Select(q => fixture.KnowledgeBase.Clauses.First(c => q.Expect.Any(e => c.Text.Replace(" ", string.Empty, StringComparison.Ordinal).Contains(e, StringComparison.Ordinal))).DocumentId)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(fixture.KnowledgeBase.Documents.Select(d => d.Id).Order(StringComparer.Ordinal), documents);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Ask_HeldOutQuestions_Top1AtLeast90Top3At100AndOutOfScopeRefused(string? role)
    {
        var set = QuestionSet.Load("heldout_questions.jsonl");

        var score = set.Run(fixture.KnowledgeBase, role);

        Assert.True(set.Questions.Count(q => q.Expect.Count > 0) >= 95, "the set must stay large enough to mean something");
        // The first 73 (+16) were written before any tuning on them (first run 67 % / 85 %, 14 of 16 refused); the next 25
        // (+6) after the first round of tuning, before the second (first run 88 % / 100 %, 4 of 6). Target: 95 % / 100 %.
        Assert.True(score.Top1 >= 90, score.ToString());
        Assert.True(score.Top3 >= 100, score.ToString());
        Assert.True(score.Refused * 8 >= score.OutOfScope * 7, score.ToString());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Ask_HeldOutBatchC_Top1AtLeast95Top3At100AndOutOfScopeRefused(string? role)
    {
        var set = QuestionSet.Load("heldout_c_questions.jsonl");

        var score = set.Run(fixture.KnowledgeBase, role);

        Assert.True(set.Questions.Count(q => q.Expect.Count > 0) >= 40, "the set must stay large enough to mean something");
        Assert.True(score.Top1 >= 95, score.ToString());
        Assert.True(score.Top3 >= 100, score.ToString());
        Assert.True(score.Refused == score.OutOfScope, score.ToString());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Ask_HeldOutBatchD_Top1AtLeast95Top3At100AndOutOfScopeRefused(string? role)
    {
        var set = QuestionSet.Load("heldout_d_questions.jsonl");

        var score = set.Run(fixture.KnowledgeBase, role);

        Assert.True(set.Questions.Count(q => q.Expect.Count > 0) >= 30, "the set must stay large enough to mean something");
        Assert.True(score.Top1 >= 95, score.ToString());
        Assert.True(score.Top3 >= 100, score.ToString());
        Assert.True(score.Refused == score.OutOfScope, score.ToString());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Ask_HeldOutBatchE_Top1AtLeast90Top3AtLeast95AndOutOfScopeRefused(string? role)
    {
        var set = QuestionSet.Load("heldout_e_questions.jsonl");

        var score = set.Run(fixture.KnowledgeBase, role);

        // Written from the documents before the work of issue 9 (first run: 85.5 % / 90.3 %, 8 of 10 refused; 党员 33.9 %,
        // 党支部书记 17.7 %), then tuned on by general mechanisms: no longer a held-out figure (docs/knowledge.md, Measured).
        Assert.True(set.Questions.Count(q => q.Expect.Count > 0) >= 60, "the set must stay large enough to mean something");
        Assert.True(score.Top1 >= 90, score.ToString());
        Assert.True(score.Top3 >= 95, score.ToString());
        Assert.True(score.Refused * 10 >= score.OutOfScope * 9, score.ToString());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Ask_LeadClauseQuestions_TheClauseThatAnswersLeads(string? role)
    {
        var set = QuestionSet.Load("heldout_e_lead_questions.jsonl");

        var score = set.Run(fixture.KnowledgeBase, role);

        // Permission and combination questions, scoring-sheet lines where a plain rule exists, the scoring table's rows
        // (first run 56 % top-1, the table refused).
        Assert.True(set.Questions.Count >= 25, "the set must stay large enough to mean something");
        Assert.True(score.Top1 >= 95, score.ToString());
        Assert.True(score.Top3 >= 100, score.ToString());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Ask_NotStatedQuestions_AnsweredAsNotStatedWithTheNearestRules(string? role)
    {
        var set = QuestionSet.Load("heldout_e_notstated_questions.jsonl");

        var score = set.Run(fixture.KnowledgeBase, role);

        // First run: 0 of 15 (every one got an unrelated clause as if it answered).
        Assert.True(set.Questions.Count(q => q.NotStated) >= 15, "the set must stay large enough to mean something");
        Assert.True(score.NotStatedRecognised == score.NotStated, score.ToString());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Ask_HeldOutBatchF_Top1AtLeast85NotStatedRecognisedAndOutOfScopeRefused(string? role)
    {
        var set = QuestionSet.Load("heldout_f_questions.jsonl");

        var score = set.Run(fixture.KnowledgeBase, role);

        // Held out: written from the documents after every change of issue 9 and never tuned on. Measured once: top-1
        // 85.7 %, top-3 85.7 %, 3 of 4 refused (工会经费一年多少钱 is answered as not stated), 5 of 6 not-stated questions
        // recognised, the same for every role.
        Assert.True(set.Questions.Count(q => q.Expect.Count > 0) >= 35, "the set must stay large enough to mean something");
        Assert.True(score.Top1 >= 85, score.ToString());
        Assert.True(score.Refused * 4 >= score.OutOfScope * 3, score.ToString());
        Assert.True(score.NotStatedRecognised * 6 >= score.NotStated * 5, score.ToString());
    }

    [Theory]
    [InlineData("党员")]
    [InlineData("党支部书记")]
    public void Ask_BoundMemberOrSecretary_AtLeastTheAnonymousQualityAndAtLeast85OnEveryFile(string role)
    {
        foreach (var file in QuestionFiles)
        {
            var set = QuestionSet.Load(file);

            var anonymous = set.Run(fixture.KnowledgeBase);
            var bound = set.Run(fixture.KnowledgeBase, role);

            Assert.True(bound.Top1 >= anonymous.Top1 && bound.Top1 >= 85, $"{file} {role}: {bound} (anonymous {anonymous.Top1:0.0}%)");
            Assert.True(bound.Top3 >= anonymous.Top3, $"{file} {role}: {bound} (anonymous top3 {anonymous.Top3:0.0}%)");
        }
    }

    [Fact]
    public void Ask_WithAnyRole_NeverLosesTheClauseTheAnonymousAnswerLeadsWith()
    {
        var questions = QuestionFiles.SelectMany(f => QuestionSet.Load(f).Questions).Where(q => q.Expect.Count > 0).Select(q => q.Text).Distinct();
        var lost = new List<string>();
        foreach (var question in questions)
        {
            var anonymous = fixture.KnowledgeBase.Ask(question);
            if (!anonymous.Answered)
            {
                continue;
            }

            foreach (var role in PartyVocabulary.Shipped.RosterRoles)
            {
                var bound = fixture.KnowledgeBase.Ask(question, role.Name);
                if (!bound.Sources.Any(s => s.Document == anonymous.Sources[0].Document && s.ClauseId == anonymous.Sources[0].ClauseId))
                {
                    lost.Add($"{role.Name}: {question}");
                }
            }
        }

        Assert.Empty(lost);
    }

    [Theory]
    [InlineData("qa_sample.jsonl")]
    [InlineData("heldout_c_questions.jsonl")]
    [InlineData("heldout_d_questions.jsonl")]
    [InlineData("colloquial_questions.jsonl")]
    [InlineData("heldout_questions.jsonl")]
    [InlineData("heldout_e_questions.jsonl")]
    [InlineData("heldout_e_lead_questions.jsonl")]
    [InlineData("heldout_e_notstated_questions.jsonl")]
    [InlineData("heldout_f_questions.jsonl")]
    public void QuestionFile_EveryExpectedQuote_IsPartOfOneClause(string fileName)
    {
        var clauses = fixture.KnowledgeBase.Clauses.Select(c => c.Text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal)).ToList();

        var orphans = QuestionSet.Load(fileName).Questions
            .SelectMany(q => q.Expect.Concat(q.Related))
            .Where(e => !clauses.Any(c => c.Contains(e, StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(orphans);
    }

    private static readonly string[] QuestionFiles =
    [
        "qa_sample.jsonl", "colloquial_questions.jsonl", "heldout_questions.jsonl", "heldout_c_questions.jsonl",
        "heldout_d_questions.jsonl", "heldout_e_questions.jsonl", "heldout_e_lead_questions.jsonl", "heldout_f_questions.jsonl",
    ];
}
