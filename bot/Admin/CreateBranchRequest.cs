namespace PartyAffairs.Bot.Admin;

/// <summary>Body of POST /api/admin/branches; the id is generated when omitted.</summary>
public sealed record CreateBranchRequest(string? Id, string? Name);
