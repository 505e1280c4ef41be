namespace PartyAffairs.Knowledge.Vocabulary;

/// <summary>A role a branch roster may give a member (党员, 党支部书记, 组织委员 …) and what it means.</summary>
public sealed record RosterRole
{
    /// <summary>The name as the roster writes it.</summary>
    public required string Name { get; init; }

    /// <summary>The canonical role of the documents the member holds (组织委员 → 支部委员, 党小组长 → 党小组).</summary>
    public required string Role { get; init; }

    /// <summary>The office within the level (书记, 副书记, 委员, 组长), else null.</summary>
    public string? Office { get; init; }

    /// <summary>True for the branch's secretaries (党支部书记, 副书记): they run secretary commands and receive branch duties.</summary>
    public bool IsSecretary { get; init; }

    /// <summary>True for members of the branch committee (支委会).</summary>
    public bool IsOfficer { get; init; }
}
