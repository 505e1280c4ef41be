namespace PartyAffairs.BotFramework.Schema;

/// <summary>A page of activities and the watermark to continue after (Direct Line GET activities and stream frames).</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);
