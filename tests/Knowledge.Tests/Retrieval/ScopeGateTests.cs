namespace PartyAffairs.Knowledge.Tests.Retrieval;

/// <summary>A topic word named in passing does not make a question ours when what it asks about is foreign to the documents.</summary>
public sealed class ScopeGateTests(KnowledgeBaseFixture fixture) : IClassFixture<KnowledgeBaseFixture>
{
    [Theory]
    [InlineData("考驾照要多少学时")]
    [InlineData("考公务员要多少分")]
    [InlineData("公司年会多久开一次")]
    [InlineData("小区业主大会多久开一次")]
    [InlineData("篮球队每周训练几次")]
    public void Ask_NearMissWithForeignObject_IsRefused(string question)
    {
        var answer = fixture.KnowledgeBase.Ask(question);

        Assert.False(answer.Answered, question + " → " + (answer.Sources.Count > 0 ? answer.Sources[0].Text : string.Empty));
    }

    [Theory]
    [InlineData("党员连着半年不交党费咋办")]
    [InlineData("廉政学习一年搞几次")]
    [InlineData("党费谁来收")]
    [InlineData("党员大会的召开频次是什么？")]
    [InlineData("谈心谈话的次数要求")]
    [InlineData("中心组一年学几次")]
    public void Ask_ColloquialQuestionOnATopic_IsAnswered(string question)
    {
        Assert.True(fixture.KnowledgeBase.Ask(question).Answered, question);
    }
}
