using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Bot.State;

/// <summary>The confirmation 撤销 would undo: which duty and period, and whether it was done or leave.</summary>
public sealed record LastConfirmation(string BranchId, string SubjectId, string DutyKind, string PeriodKey, CompletionStatus Status);
