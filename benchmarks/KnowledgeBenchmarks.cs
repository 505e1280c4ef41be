using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using PartyAffairs.Knowledge;
using PartyAffairs.Knowledge.Corpus;

namespace PartyAffairs.Benchmarks;

/// <summary>
/// The knowledge base: parsing and indexing the shipped corpus, and answering one question in process.
/// <c>dotnet run -c Release --project benchmarks -- --filter '*KnowledgeBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class KnowledgeBenchmarks
{
    private (string Name, byte[] Bytes)[] files = [];
    private KnowledgeBase knowledgeBase = null!;

    /// <summary>
    /// Questions of each kind: colloquial, formal, place-specific, role-specific, a fact the documents do not state, a row
    /// of the scoring table, out of scope.
    /// </summary>
    public static IEnumerable<string> Questions() =>
        ["小组会多长时间开一回", "党员每年集中学习培训时间要求", "丹阳的要求是多少学时", "预备党员多久写一次思想汇报", "机关党委书记每年向谁述职？", "预备期多久", "五星双优学习星满分多少", "请问北京明天的天气"];

    /// <summary>Questions a bound member asks in chat (the role re-ranks and may add its own rule).</summary>
    public static IEnumerable<string> MemberQuestions() => ["每年要参加几次集中轮训", "党费多久交一次"];

    [GlobalSetup]
    public void Setup()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "sources");
        files = [.. Directory.GetFiles(directory).Where(CorpusLoader.IsDocumentFile).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))];
        knowledgeBase = Build();
    }

    /// <summary>Parse the five documents from memory and build the index (done once at start-up).</summary>
    [Benchmark]
    public KnowledgeBase ParseAndIndex() => Build();

    /// <summary>Answer one question: retrieval, re-ranking and the Chinese answer text.</summary>
    [Benchmark]
    [ArgumentsSource(nameof(Questions))]
    public KnowledgeAnswer Ask(string question) => knowledgeBase.Ask(question);

    /// <summary>Answer one question for a bound branch secretary.</summary>
    [Benchmark]
    [ArgumentsSource(nameof(MemberQuestions))]
    public KnowledgeAnswer AskAsSecretary(string question) => knowledgeBase.Ask(question, "党支部书记");

    private KnowledgeBase Build()
    {
        var loader = new CorpusLoader();
        var parsed = files.Select(f => loader.Parse(f.Name, f.Bytes).Document!).ToList();
        return KnowledgeBase.Create(new CorpusLoadResult { Parsed = parsed });
    }

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
    }
}
