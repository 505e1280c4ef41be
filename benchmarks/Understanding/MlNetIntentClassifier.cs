using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.Tests.Conversation.Understanding;

namespace PartyAffairs.Benchmarks.Understanding;

/// <summary>
/// The trainable alternative to the rule set: ML.NET 6, character 1–3-gram bags (Chinese has no spaces between words)
/// plus context tokens, a maximum-entropy classifier (SDCA). Predicts the kind only; entities would still need readers.
/// </summary>
internal sealed class MlNetIntentClassifier
{
    private readonly PredictionEngine<Row, Prediction> engine;

    private MlNetIntentClassifier(PredictionEngine<Row, Prediction> engine) => this.engine = engine;

    /// <summary>Trains on <paramref name="examples"/> (seeded, so runs repeat).</summary>
    public static MlNetIntentClassifier Train(IEnumerable<LabelledUtterance> examples)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new Row { Text = Input(e.Text, UtteranceScore.ContextOf(e)), Label = e.Kind }));
        var featurizer = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepPunctuations = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = true },
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurizer, nameof(Row.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 200))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(data);
        return new MlNetIntentClassifier(ml.Model.CreatePredictionEngine<Row, Prediction>(model));
    }

    /// <summary>The predicted kind (not thread-safe: one engine per thread).</summary>
    public string Predict(string text, IntentContext context) => engine.Predict(new Row { Text = Input(text, context) }).PredictedLabel ?? nameof(IntentKind.Question);

    // The context the rules see is given to the classifier as words, so it can learn 好的 → Confirm only while pending.
    private static string Input(string text, IntentContext context) =>
        $"{(context.HasPendingStep ? "ctxpending" : "ctxidle")} {(context.IsBound ? "ctxbound" : "ctxunbound")} {text}";

#pragma warning disable CA1812, CA1819 // Instantiated and read by ML.NET.
    private sealed class Row
    {
        public string Text { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;
    }

    private sealed class Prediction
    {
        [ColumnName("PredictedLabel")]
        public string? PredictedLabel { get; set; }
    }
#pragma warning restore CA1812, CA1819
}
