namespace PartyAffairs.Bot.WebConsole;

/// <summary>
/// A signed-in console user: a branch secretary (<see cref="BranchId"/> set: that branch only) or the organization office
/// (<see cref="IsOffice"/>: every branch).
/// </summary>
public sealed record ConsoleSession
{
    /// <summary>The session id (the cookie's value).</summary>
    public required string Id { get; init; }

    /// <summary>True for the organization office (signed in with <c>Admin:Token</c>).</summary>
    public bool IsOffice { get; init; }

    /// <summary>The secretary's branch; null for the office.</summary>
    public string? BranchId { get; init; }

    /// <summary>The secretary's member id; null for the office.</summary>
    public string? MemberId { get; init; }

    /// <summary>The name shown in the header and written to audit trails.</summary>
    public required string DisplayName { get; init; }

    /// <summary>When the session ends.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>True when this session may read and change <paramref name="branchId"/>.</summary>
    public bool MaySee(string branchId) => IsOffice || string.Equals(BranchId, branchId, StringComparison.Ordinal);

    /// <summary>Who the ledger's audit trail names for changes made in this session.</summary>
    public string Actor => IsOffice ? "console:office" : $"console:{MemberId}:{DisplayName}";
}
