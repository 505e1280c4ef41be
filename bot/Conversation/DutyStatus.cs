using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Bot.Conversation;

/// <summary>One duty in its current period for one member: when it is due, what is recorded, and for a duty required several times how many are counted.</summary>
internal sealed record DutyStatus(TrackedDuty Duty, DutyPeriod Period, DateOnly Due, CompletionRecord? Record, int Count = 0);
