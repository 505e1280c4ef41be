using PartyAffairs.Knowledge.Corpus;

namespace PartyAffairs.Knowledge.Tests;

/// <summary>The shipped corpus, loaded once for all tests of a class.</summary>
public sealed class CorpusFixture : IAsyncLifetime
{
    /// <summary>The corpus directory next to the test binaries (knowledge.csproj copies knowledge/sources there).</summary>
    public static string SourcesDirectory => Path.Combine(AppContext.BaseDirectory, "sources");

    public CorpusLoadResult Result { get; private set; } = new() { Parsed = [] };

    public ParsedDocument Document(string id) => Result.Parsed.Single(p => p.Document.Id == id);

    public string RawText(string id) =>
        File.ReadAllText(Path.Combine(SourcesDirectory, Document(id).Document.FileName));

    public async Task InitializeAsync() => Result = await new CorpusLoader().LoadDirectoryAsync(SourcesDirectory);

    public Task DisposeAsync() => Task.CompletedTask;
}
