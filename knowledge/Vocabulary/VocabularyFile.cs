using System.Text.Json.Serialization;

namespace PartyAffairs.Knowledge.Vocabulary;

/// <summary>The shape of vocabulary.json, read once and turned into <see cref="PartyVocabulary"/>; a missing list reads as null.</summary>
internal sealed record VocabularyFile
{
    public string? Comment { get; init; }

    public List<LevelEntry>? Levels { get; init; }

    public List<RoleEntry>? Roles { get; init; }

    public List<string>? NotRoles { get; init; }

    public List<string>? OfficeWords { get; init; }

    public List<RosterRoleEntry>? RosterRoles { get; init; }

    public List<DutyKindEntry>? DutyKinds { get; init; }

    internal sealed record LevelEntry(string Name, string? Parent, string? Description);

    internal sealed record RoleEntry
    {
        public required string Name { get; init; }

        public required string Level { get; init; }

        public required string Kind { get; init; }

        public string? Office { get; init; }

        public List<string>? Aliases { get; init; }

        public List<string>? BodyAliases { get; init; }

        public bool? InClauses { get; init; }
    }

    internal sealed record RosterRoleEntry
    {
        public required string Name { get; init; }

        public required string Role { get; init; }

        public string? Office { get; init; }

        public bool Secretary { get; init; }

        public bool Officer { get; init; }
    }

    internal sealed record DutyKindEntry
    {
        public required string Name { get; init; }

        public required string Phrasing { get; init; }

        public bool Reported { get; init; }

        public bool GovernsPassage { get; init; }

        public string? Title { get; init; }

        public List<string>? Synonyms { get; init; }

        public string? TrackedAs { get; init; }
    }
}

/// <summary>Source-generated JSON reading of <see cref="VocabularyFile"/>; an unknown field is an error, so a typo cannot pass silently.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(VocabularyFile))]
internal sealed partial class VocabularyJsonContext : JsonSerializerContext;
