namespace PartyAffairs.Ledger.Records;

/// <summary>An absent member and the reason, if given.</summary>
/// <param name="Name">Name or member id.</param>
/// <param name="Reason">Why (出差, 病假 …); null: absent without leave.</param>
public sealed record AbsenceInput(string? Name, string? Reason);
