using BenchmarkDotNet.Attributes;
using PartyAffairs.Knowledge;
using PartyAffairs.Knowledge.Corpus;
using PartyAffairs.Knowledge.Duties;

namespace PartyAffairs.Benchmarks;

/// <summary>Duty extraction over the shipped corpus (five documents, their clauses already parsed), and one sentence.</summary>
[MemoryDiagnoser]
public class DutyExtractionBenchmarks
{
    private const string Sentence = "每月至少召开1次支部委员会和1次支部党员大会，开展1次主题党日和1次廉政自省日，每季度至少组织1次党课，党支部书记每年至少为本支部党员上1次党课。";

    private readonly DutyExtractor extractor = new();
    private CorpusLoadResult corpus = null!;

    [GlobalSetup]
    public async Task LoadCorpusAsync()
    {
        corpus = await new CorpusLoader().LoadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "sources"));
        if (corpus.Parsed.Count == 0)
        {
            throw new InvalidOperationException("The corpus was not found next to the benchmark binaries.");
        }
    }

    /// <summary>Every duty of the five documents (about 120).</summary>
    [Benchmark]
    public IReadOnlyList<Duty> ExtractCorpus() => extractor.Extract(corpus.Documents, corpus.Clauses);

    /// <summary>The frequency expressions of one sentence that sets six duties.</summary>
    [Benchmark]
    public IReadOnlyList<FrequencyExpression> ParseSentence() => FrequencyParser.Parse(Sentence);
}
