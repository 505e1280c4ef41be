namespace PartyAffairs.Knowledge;

/// <summary>An amount required per period, such as 32 学时.</summary>
public sealed record DutyQuota(decimal Amount, string Unit);
