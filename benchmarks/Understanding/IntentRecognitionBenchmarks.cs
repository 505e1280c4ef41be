using BenchmarkDotNet.Attributes;
using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.Tests.Conversation.Understanding;

namespace PartyAffairs.Benchmarks.Understanding;

/// <summary>
/// <c>IntentRecognizer.Recognize</c> over the whole labelled utterance set (per message: OperationsPerInvoke), the
/// start-up cost of loading the lexicon, and the ML.NET classifier's prediction over the same messages for comparison.
/// </summary>
[MemoryDiagnoser]
public class IntentRecognitionBenchmarks
{
    private const int Messages = 655;

    private static readonly string[] Splits = ["train", "heldout", "heldout-c"];

    private (string Text, IntentContext Context)[] messages = [];
    private byte[] lexicon = [];
    private MlNetIntentClassifier? classifier;

    [GlobalSetup]
    public void Setup()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Understanding", "Data");
        var items = Splits.SelectMany(s => LabelledUtterance.Load(s, directory)).ToArray();
        if (items.Length != Messages)
        {
            throw new InvalidOperationException($"The utterance set has {items.Length} messages; update {nameof(Messages)} (used for per-message figures).");
        }

        messages = items.Select(i => (i.Text, UtteranceScore.ContextOf(i))).ToArray();
        using var stream = typeof(IntentLexicon).Assembly.GetManifestResourceStream("PartyAffairs.Bot.Conversation.Understanding.IntentLexicon.json")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        lexicon = copy.ToArray();
        classifier = MlNetIntentClassifier.Train(LabelledUtterance.Load("train", directory));
    }

    /// <summary>Rules: one message (mean over the set).</summary>
    [Benchmark(OperationsPerInvoke = Messages, Baseline = true)]
    public int Recognize()
    {
        var sum = 0;
        foreach (var (text, context) in messages)
        {
            sum += (int)IntentRecognizer.Default.Recognize(text, context).Kind;
        }

        return sum;
    }

    /// <summary>ML.NET: one message (mean over the set), kind only.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public int MlNetPredict()
    {
        var sum = 0;
        foreach (var (text, context) in messages)
        {
            sum += classifier!.Predict(text, context).Length;
        }

        return sum;
    }

    /// <summary>Start-up: parse the lexicon and build a recognizer.</summary>
    [Benchmark]
    public IntentRecognizer LoadLexicon()
    {
        using var stream = new MemoryStream(lexicon, writable: false);
        return new IntentRecognizer(IntentLexicon.Load(stream));
    }
}
