namespace PartyAffairs.Knowledge.Vocabulary;

/// <summary>A level of the party organisation (党组（党委）, 党支部, 支部委员会 …) that roles belong to.</summary>
public sealed record OrganisationLevel
{
    /// <summary>The level's name.</summary>
    public required string Name { get; init; }

    /// <summary>The level this one is part of (支部委员会 → 党支部), else null.</summary>
    public string? Parent { get; init; }

    /// <summary>What the level is, in Chinese.</summary>
    public string? Description { get; init; }
}
