namespace PartyAffairs.Knowledge.Tests.Retrieval;

public sealed class KnowledgeBaseAnswerTests(KnowledgeBaseFixture fixture) : IClassFixture<KnowledgeBaseFixture>
{
    private KnowledgeBase Kb => fixture.KnowledgeBase;

    [Fact]
    public void Ask_FrequencyQuestion_StatesRequirementFirstThenCitesDocumentNumberAndClause()
    {
        var answer = Kb.Ask("党支部委员会会议多久召开一次？");

        Assert.True(answer.Answered);
        var first = answer.Sources[0];
        Assert.StartsWith(first.Text.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '．', '.', '、', ' '), answer.Answer, StringComparison.Ordinal);
        Assert.Contains($"《{first.DocumentTitle}》", answer.Answer, StringComparison.Ordinal);
        // The clause is cited in words (第一部分（三）第4项); its id stays in the sources, never in the answer text.
        var clause = Kb.Clauses.Single(c => c.DocumentId == first.Document && c.Id == first.ClauseId);
        Assert.Contains(PartyAffairs.Knowledge.Retrieval.ClauseCitation.Reference(clause), answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain(first.ClauseId, answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_DocumentsDisagree_ListsTheOtherDocumentsRules()
    {
        var answer = Kb.Ask("党员每年集中学习培训时间要求");

        Assert.True(answer.Answered);
        Assert.Contains(KnowledgeTexts.OtherRulesHeading, answer.Answer, StringComparison.Ordinal);
        Assert.Contains("24学时", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("32学时", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("丹发〔2020〕38号", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_SameRuleInTwoDocuments_DoesNotListItAsDifferent()
    {
        var answer = Kb.Ask("小组会多长时间开一回");

        Assert.True(answer.Answered);
        Assert.DoesNotContain(KnowledgeTexts.OtherRulesHeading, answer.Answer, StringComparison.Ordinal);
        Assert.Contains("党小组", answer.Sources[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("思想汇报多久交一次")]
    [InlineData("思想汇报多长时间写一次")]
    [InlineData("书面汇报多久一次")]
    public void Ask_FrequencyOfATopicTheDocumentsWriteInOtherWords_AnsweredNotNotStated(string question)
    {
        // 思想汇报 is written 书面汇报 and 书面形式汇报…思想工作情况 in the rules that give its frequency (每季度).
        var answer = Kb.Ask(question);

        Assert.True(answer.Answered, answer.Answer);
        Assert.False(answer.NotStated);
        Assert.Contains("每季度", answer.Sources[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("丹阳的要求是多少学时", "002")]
    [InlineData("惠山的党员每年要学多少学时", "000")]
    [InlineData("绍兴的党员学时要求", "004")]
    public void Ask_QuestionNamesAPlace_AnswersFromThatPlacesDocument(string question, string document)
    {
        var answer = Kb.Ask(question);

        Assert.True(answer.Answered);
        Assert.Equal(document, answer.Sources[0].Document);
    }

    [Theory]
    [InlineData("请问北京明天的天气")]
    [InlineData("给我讲个笑话")]
    [InlineData("帮我算一下37乘以45等于多少")]
    [InlineData("淘宝上哪款手机最便宜")]
    [InlineData("qwertyuiop zxcvb")]
    [InlineData("阿巴阿巴咕噜咕噜")]
    [InlineData("世界杯冠军是谁")]
    public void Ask_OutOfScope_RefusesWithExamplesAndNoClause(string question)
    {
        var answer = Kb.Ask(question);

        Assert.False(answer.Answered);
        Assert.Empty(answer.Sources);
        Assert.InRange(answer.Suggestions.Count, 2, 3);
        Assert.All(answer.Suggestions, s => Assert.Contains(s, answer.Answer, StringComparison.Ordinal));
    }

    [Fact]
    public void Ask_WithRole_AnswersFromClausesOfThatRole()
    {
        var answer = Kb.Ask("每年要讲几次党课", role: "支部书记");

        Assert.True(answer.Answered);
        var clause = Kb.Clauses.Single(c => c.DocumentId == answer.Sources[0].Document && c.Id == answer.Sources[0].ClauseId);
        Assert.Contains("党支部书记", clause.Roles);
    }

    [Fact]
    public void Ask_VagueQuestion_AnswersAndSuggestsWhatWasMeant()
    {
        var answer = Kb.Ask("支部书记有哪些职责");

        Assert.True(answer.Answered);
        Assert.NotEmpty(answer.Suggestions);
        Assert.Contains(KnowledgeTexts.DidYouMean, answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_SourceText_IsAWholeClauseOfTheCorpus()
    {
        var answer = Kb.Ask("预备党员思想汇报的频次");

        Assert.All(answer.Sources, s => Assert.Contains(Kb.Clauses, c => c.DocumentId == s.Document && c.Id == s.ClauseId && c.Text == s.Text));
        Assert.Equal(answer.Sources.OrderByDescending(s => s.Score).Select(s => s.ClauseId), answer.Sources.Select(s => s.ClauseId));
    }
}
