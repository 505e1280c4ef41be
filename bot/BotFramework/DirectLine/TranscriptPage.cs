using PartyAffairs.Bot.BotFramework.Schema;

namespace PartyAffairs.Bot.BotFramework.DirectLine;

/// <summary>Activities read from a transcript and the sequence number of the last one (the next watermark).</summary>
internal sealed record TranscriptPage(IReadOnlyList<Activity> Activities, long LastSequence);
