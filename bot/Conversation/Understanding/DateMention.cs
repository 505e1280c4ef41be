using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>A date or period found in a message: exactly one of <see cref="Date"/> and <see cref="Period"/> is set.</summary>
/// <param name="Index">Where it starts in the normalised text.</param>
/// <param name="Length">How many characters it spans.</param>
/// <param name="Date">A day (今天, 上周五, 12月3日, 2026-12-03).</param>
/// <param name="Period">A period (本月, 上个月, 11月, 2026-Q3, 下半年, 今年, 上周).</param>
public sealed record DateMention(int Index, int Length, DateOnly? Date, DutyPeriod? Period);
