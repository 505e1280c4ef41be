namespace PartyAffairs.Knowledge.Tests.Retrieval;

/// <summary>Words members type that the documents never use are read as the documents' own words.</summary>
public sealed class ColloquialVocabularyTests(KnowledgeBaseFixture fixture) : IClassFixture<KnowledgeBaseFixture>
{
    [Theory]
    [InlineData("支书每年向上级报告几次工作", "支部书记每年向上级报告几次工作")]
    [InlineData("党组书记年中要干啥", "党组书记年中要干什么")]
    [InlineData("小组长怎么选", "党小组长怎么选")]
    [InlineData("小组多久开一次会", "党小组多久召开一次会议")]
    [InlineData("交党费有什么规定", "交纳党费有什么规定")]
    [InlineData("支委会能临时开吗", "支委会能随时召开吗")]
    [InlineData("支部书记一年给党员上几次课", "支部书记一年给党员上几次党课")]
    [InlineData("组织关系转接归谁管", "党员组织关系接转由谁负责")]
    [InlineData("出差在外地的党员多久汇报一次思想", "外出党员多久汇报一次思想")]
    [InlineData("支委会一年开几回", "支委会一年召开几回")]
    public void Ask_ColloquialWording_FindsTheSameClauseAsTheWrittenWording(string colloquial, string written)
    {
        var expected = fixture.KnowledgeBase.Ask(written);
        var actual = fixture.KnowledgeBase.Ask(colloquial);

        Assert.True(expected.Answered, written);
        Assert.True(actual.Answered, colloquial);
        Assert.Equal(expected.Sources[0].ClauseId, actual.Sources[0].ClauseId);
    }

    [Theory]
    [InlineData("支部大会表决发展党员用什么方式", "采取举手或无记名投票方式")]
    [InlineData("党组书记年中要干啥", "年中有检查")]
    [InlineData("干部提拔要听支部意见吗", "选拔任用、评优评先应听取所在党支部意见")]
    [InlineData("基层党组织书记述职评议要全覆盖吗", "覆盖率达到100%")]
    [InlineData("组织生活一年开几次", "党支部每年至少召开1次组织生活会")]
    [InlineData("党员大会一年开几回", "党员大会一般每季度召开1次")]
    [InlineData("支部委员会一个季度开几次", "每月")]
    [InlineData("发展党员要贯彻啥方针", "的指导方针")]
    public void Ask_MannerTimeAndSynonymQuestions_PutTheAnsweringClauseFirst(string question, string quote)
    {
        var answer = fixture.KnowledgeBase.Ask(question);

        Assert.True(answer.Answered, question);
        Assert.Contains(quote, answer.Sources[0].Text, StringComparison.Ordinal);
    }
}
