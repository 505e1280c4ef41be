namespace PartyAffairs.Bot.State;

/// <summary>A party branch (党支部): the unit that has a roster, duties and a secretary.</summary>
public sealed record Branch
{
    /// <summary>Stable id (lower-case letters, digits and dashes).</summary>
    public required string Id { get; init; }

    /// <summary>Display name, for example 机关第一党支部.</summary>
    public required string Name { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
