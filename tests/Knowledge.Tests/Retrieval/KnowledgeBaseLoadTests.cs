namespace PartyAffairs.Knowledge.Tests.Retrieval;

public sealed class KnowledgeBaseLoadTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("kb-load-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Ask_BeforeLoad_SaysLoadingAndAnswersNothing()
    {
        var knowledgeBase = new KnowledgeBase();

        var answer = knowledgeBase.Ask("党费多久交纳一次？");

        Assert.False(knowledgeBase.IsLoaded);
        Assert.False(answer.Answered);
        Assert.Equal(KnowledgeTexts.NotLoaded, answer.Answer);
    }

    [Fact]
    public async Task Load_FirstLoadWithABadFile_ServesTheGoodDocumentsAndReportsTheBadOne()
    {
        CopyShippedDocument("003_adc6a75232cf0d3a.txt");
        await File.WriteAllBytesAsync(Path.Combine(directory, "009_bad.txt"), [0xC4, 0xE3, 0xBA, 0xC3]);
        var knowledgeBase = new KnowledgeBase();

        var errors = await knowledgeBase.LoadAsync(directory);

        Assert.Equal("009_bad.txt", Assert.Single(errors).FileName);
        Assert.True(knowledgeBase.IsLoaded);
        Assert.Equal(["003"], knowledgeBase.Documents.Select(d => d.Id));
        Assert.True(knowledgeBase.Ask("党费多长时间交一回").Answered);
    }

    [Fact]
    public async Task Reload_MeetsABadFile_KeepsServingTheCurrentCorpusUnchanged()
    {
        CopyShippedDocument("003_adc6a75232cf0d3a.txt");
        var knowledgeBase = new KnowledgeBase();
        await knowledgeBase.LoadAsync(directory);
        var before = knowledgeBase.Ask("党费多长时间交一回");
        CopyShippedDocument("000_cb7a189a9a18a7f5.txt");
        await File.WriteAllBytesAsync(Path.Combine(directory, "009_empty.txt"), []);

        var errors = await knowledgeBase.LoadAsync(directory);

        Assert.Equal(KnowledgeTexts.FileEmpty, Assert.Single(errors).Reason);
        Assert.Equal(["003"], knowledgeBase.Documents.Select(d => d.Id));
        Assert.Equal(before.Answer, knowledgeBase.Ask("党费多长时间交一回").Answer);
    }

    [Fact]
    public async Task Reload_AllGood_SwapsInTheNewCorpus()
    {
        CopyShippedDocument("003_adc6a75232cf0d3a.txt");
        var knowledgeBase = new KnowledgeBase();
        await knowledgeBase.LoadAsync(directory);
        CopyShippedDocument("002_1d2c728c2a935c5f.txt");

        var errors = await knowledgeBase.LoadAsync(directory);

        Assert.Empty(errors);
        Assert.Equal(["002", "003"], knowledgeBase.Documents.Select(d => d.Id));
        Assert.Equal("002", knowledgeBase.Ask("丹阳的要求是多少学时").Sources[0].Document);
    }

    private void CopyShippedDocument(string name) =>
        File.Copy(Path.Combine(CorpusFixture.SourcesDirectory, name), Path.Combine(directory, name), overwrite: true);
}
