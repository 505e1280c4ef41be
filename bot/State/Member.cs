namespace PartyAffairs.Bot.State;

/// <summary>A member on a branch roster.</summary>
public sealed record Member
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>The branch.</summary>
    public required string BranchId { get; init; }

    /// <summary>Full name.</summary>
    public required string Name { get; init; }

    /// <summary>One of <see cref="MemberRoles.All"/>.</summary>
    public required string Role { get; init; }

    /// <summary>Mobile number, when the roster gives one.</summary>
    public string? Mobile { get; init; }

    /// <summary>The optional roster columns (probation, introducers, 党小组, 班子成员, 外出); null in records stored before they existed.</summary>
    public MemberProfile? Profile { get; init; }

    /// <summary>When the member was added.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
