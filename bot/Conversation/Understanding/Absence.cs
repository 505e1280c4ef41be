namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>One absentee of a recorded meeting: 李四（出差）.</summary>
/// <param name="Name">The name as written.</param>
/// <param name="Reason">The reason, canonical when known (出差, 生病, 外出培训, 家中有事 …), else as written; null when none.</param>
public sealed record Absence(string Name, string? Reason);
