namespace PartyAffairs.Knowledge.Vocabulary;

/// <summary>A canonical role of the documents (党支部书记, 支部委员 …) and the words that name it.</summary>
public sealed record RoleTerm
{
    /// <summary>The canonical name.</summary>
    public required string Name { get; init; }

    /// <summary>The organisation level the role belongs to (a name of <see cref="PartyVocabulary.Levels"/>).</summary>
    public required string Level { get; init; }

    /// <summary>What the role names.</summary>
    public required RoleKind Kind { get; init; }

    /// <summary>For an office, its title within the level (书记, 副书记, 委员, 成员); else null.</summary>
    public string? Office { get; init; }

    /// <summary>The ways the documents and members write the role itself (支部书记, 基层党组织书记 …).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Bodies and meetings that stand for the role as the subject of a duty (党员大会 → 党支部, 中心组 → 党组（党委）).</summary>
    public IReadOnlyList<string> BodyAliases { get; init; } = [];

    /// <summary>False for actors of duties that clauses are not tagged with (基层党组织, 班子成员, 机关工委).</summary>
    public bool InClauses { get; init; } = true;
}
