using PartyAffairs.Knowledge.Corpus;

namespace PartyAffairs.Knowledge.Tests;

/// <summary>A knowledge base over the shipped corpus, built once for all tests of a class.</summary>
public sealed class KnowledgeBaseFixture : IAsyncLifetime
{
    public KnowledgeBase KnowledgeBase { get; private set; } = new();

    public async Task InitializeAsync()
    {
        var corpus = await new CorpusLoader().LoadDirectoryAsync(CorpusFixture.SourcesDirectory);
        KnowledgeBase = KnowledgeBase.Create(corpus);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
