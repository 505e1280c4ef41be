using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>Activities read from a transcript and the sequence number of the last one (the next watermark).</summary>
public sealed record TranscriptPage(IReadOnlyList<Activity> Activities, long LastSequence);
