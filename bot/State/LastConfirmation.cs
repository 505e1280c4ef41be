using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Bot.State;

/// <summary>
/// The confirmation 撤销 would undo: which duty and period, whether it was done or leave, and for a duty required several
/// times per period the occurrence it counted (its local date), so 撤销 removes that one occurrence.
/// </summary>
public sealed record LastConfirmation(string BranchId, string SubjectId, string DutyKind, string PeriodKey, CompletionStatus Status, string? OccurrenceKey = null);
