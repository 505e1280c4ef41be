namespace PartyAffairs.Scheduler.Planning;

/// <summary>How far the branch is with a duty when its reminder fans out, for the words of the reminder.</summary>
/// <param name="PendingMembers">Members who have not confirmed a members' duty; null for a branch duty.</param>
/// <param name="Done">Occurrences counted so far for a duty required several times per period (0 otherwise).</param>
public sealed record ReminderProgress(int? PendingMembers, int Done);
