using PartyAffairs.Knowledge;
using PartyAffairs.Knowledge.Corpus;

namespace PartyAffairs.Ledger.Tests.Infrastructure;

/// <summary>The knowledge base over the shipped corpus, loaded once per test run.</summary>
public static class TestKnowledge
{
    private static readonly Lazy<Task<KnowledgeBase>> Loaded = new(async () =>
        KnowledgeBase.Create(await new CorpusLoader().LoadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "sources"))));

    public static Task<KnowledgeBase> LoadAsync() => Loaded.Value;
}
