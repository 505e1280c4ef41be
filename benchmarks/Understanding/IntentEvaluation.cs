using System.Diagnostics;
using System.Globalization;
using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.Tests.Conversation.Understanding;

namespace PartyAffairs.Benchmarks.Understanding;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks -- intent-eval</c>: the rule set against the ML.NET classifier on the
/// labelled utterance set (trained on the training split, scored on both held-out batches): kind accuracy overall and
/// per kind, entity accuracy, latency per message and start-up cost. Figures go to docs/conversation.md.
/// </summary>
internal static class IntentEvaluation
{
    private static readonly string[] Splits = ["train", "heldout", "heldout-c"];

    public static int Run()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Understanding", "Data");
        var train = LabelledUtterance.Load("train", directory);
        var splits = Splits.ToDictionary(s => s, s => LabelledUtterance.Load(s, directory));

        var clock = Stopwatch.StartNew();
        using (var lexicon = File.OpenRead(Path.Combine(FindRepository(), "bot", "Conversation", "Understanding", "IntentLexicon.json")))
        {
            _ = new IntentRecognizer(IntentLexicon.Load(lexicon)).Recognize("你好", UtteranceScore.ContextOf(train[0]));
        }

        var rulesStartup = clock.Elapsed;
        clock.Restart();
        var classifier = MlNetIntentClassifier.Train(train);
        var mlStartup = clock.Elapsed;

        Console.WriteLine(Invariant($"start-up: rules {rulesStartup.TotalMilliseconds:F1} ms (load lexicon + first message, JIT included); ML.NET {mlStartup.TotalMilliseconds:F0} ms (train on {train.Count} + engine)"));
        Console.WriteLine();
        Console.WriteLine("| split | n | rules: kind | rules: entities | ML.NET: kind |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        var heldRules = new UtteranceScore();
        var heldMl = new UtteranceScore();
        foreach (var (split, items) in splits)
        {
            var rules = new UtteranceScore();
            var ml = new UtteranceScore();
            foreach (var item in items)
            {
                var context = UtteranceScore.ContextOf(item);
                var result = IntentRecognizer.Default.Recognize(item.Text, context);
                var predicted = classifier.Predict(item.Text, context);
                rules.Add(item, result.Kind.ToString(), result);
                ml.Add(item, predicted, null);
                if (split != "train")
                {
                    heldRules.Add(item, result.Kind.ToString(), result);
                    heldMl.Add(item, predicted, null);
                }
            }

            Console.WriteLine(Invariant($"| {split} | {items.Count} | {rules.KindAccuracy:P1} | {rules.EntityCorrect}/{rules.EntityChecked} ({rules.EntityAccuracy:P1}) | {ml.KindAccuracy:P1} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Held-out (both batches) per kind, correct/total:");
        Console.WriteLine();
        Console.WriteLine("| kind | rules | ML.NET |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var ((kind, rc, total), (_, mc, _)) in heldRules.PerKind().Zip(heldMl.PerKind()))
        {
            Console.WriteLine(Invariant($"| {kind} | {rc}/{total} | {mc}/{total} |"));
        }

        var all = splits.Values.SelectMany(s => s).Select(i => (i.Text, Context: UtteranceScore.ContextOf(i))).ToArray();
        Console.WriteLine();
        Console.WriteLine(Invariant($"latency per message over {all.Length} messages (single thread, after warm-up): rules {Latency(all, m => IntentRecognizer.Default.Recognize(m.Text, m.Context)):F2} µs, ML.NET {Latency(all, m => classifier.Predict(m.Text, m.Context)):F2} µs"));
        Console.WriteLine();
        Console.WriteLine("Held-out misses (rules):");
        Console.WriteLine(heldRules.Misses());
        Console.WriteLine("Held-out misses (ML.NET):");
        Console.WriteLine(heldMl.Misses());
        return 0;
    }

    private static double Latency<T>((string Text, IntentContext Context)[] messages, Func<(string Text, IntentContext Context), T> recognize)
    {
        for (var i = 0; i < 3; i++)
        {
            foreach (var m in messages)
            {
                recognize(m);
            }
        }

        const int Rounds = 20;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Rounds; i++)
        {
            foreach (var m in messages)
            {
                recognize(m);
            }
        }

        return clock.Elapsed.TotalMicroseconds / (Rounds * messages.Length);
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository (Bot.sln not found above the output folder).");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
