using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Bot.Conversation;

/// <summary>One duty in its current period for one member: when it is due and what is recorded.</summary>
internal sealed record DutyStatus(TrackedDuty Duty, DutyPeriod Period, DateOnly Due, CompletionRecord? Record);
