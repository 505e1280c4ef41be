using PartyAffairs.Bot.State;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>Where a branch stands on one duty in its current period: who it applies to, who is done, on leave or still open.</summary>
internal sealed record DutyProgress(
    TrackedDuty Duty,
    string PeriodKey,
    DateOnly Due,
    IReadOnlyList<Member> Applicable,
    IReadOnlyList<Member> Done,
    IReadOnlyList<Member> Leave,
    IReadOnlyList<Member> Open,
    int Count = 0);
