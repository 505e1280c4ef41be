using System.Diagnostics.Metrics;

namespace PartyAffairs.Bot.Operations;

/// <summary>
/// The conversation's meter (<see cref="MeterName"/>): <c>partyaffairs.turns</c>, message turns by channel and outcome
/// (<c>handled</c>, or <c>failed</c> when the turn threw or the bot could only answer that the service is unavailable).
/// </summary>
internal static class TurnMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "PartyAffairs.Conversation";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Turns = Meter.CreateCounter<long>("partyaffairs.turns", "{turn}", "Message turns handled, by channel and outcome.");
    private static readonly AsyncLocal<TurnOutcome?> Current = new();

    /// <summary>Starts counting a turn: the bot may mark it failed with <see cref="MarkFailed"/> before it ends.</summary>
    public static TurnOutcome Begin()
    {
        var outcome = new TurnOutcome();
        Current.Value = outcome;
        return outcome;
    }

    /// <summary>Marks the turn in progress as failed (the bot answered, but could not do what was asked).</summary>
    public static void MarkFailed()
    {
        if (Current.Value is { } outcome)
        {
            outcome.Failed = true;
        }
    }

    /// <summary>Records a finished turn.</summary>
    public static void Record(string channelId, bool failed) =>
        Turns.Add(1, new KeyValuePair<string, object?>("channel", channelId), new KeyValuePair<string, object?>("outcome", failed ? "failed" : "handled"));

    /// <summary>What the bot reported about the turn in progress.</summary>
    public sealed class TurnOutcome
    {
        /// <summary>True once the bot marked the turn failed.</summary>
        public bool Failed { get; set; }
    }
}
