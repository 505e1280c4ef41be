using System.Text.Json;
using System.Text.RegularExpressions;

namespace PartyAffairs.Knowledge.Vocabulary;

/// <summary>
/// The party-affairs vocabulary as data (<c>vocabulary.json</c>, shipped inside this assembly and reviewed in one place):
/// organisation levels, roles and the words for them, the roles a roster may give a member, and duty kinds with the
/// phrasings of the documents, the names members type and a short title. The corpus parser, the duty extractor, the
/// retriever, the scheduler and the bot all read roles and duty kinds from here. Numbers are read by <see cref="ChineseNumber"/>.
/// </summary>
public sealed class PartyVocabulary
{
    private const string ResourceName = "PartyAffairs.Knowledge.Vocabulary.vocabulary.json";
    private static readonly Lazy<PartyVocabulary> ShippedVocabulary = new(LoadShipped);

    private readonly Dictionary<string, RoleTerm> rolesByName;
    private readonly Dictionary<string, RosterRole> rosterByName;
    private readonly Dictionary<string, DutyKindTerm> kindsByName;

    private PartyVocabulary(
        IReadOnlyList<OrganisationLevel> levels, IReadOnlyList<RoleTerm> roles, IReadOnlyList<string> notRoles,
        IReadOnlyList<string> officeWords, IReadOnlyList<RosterRole> rosterRoles, IReadOnlyList<DutyKindTerm> dutyKinds)
    {
        Levels = levels;
        Roles = roles;
        NotRoles = notRoles;
        OfficeWords = officeWords;
        RosterRoles = rosterRoles;
        DutyKinds = dutyKinds;
        rolesByName = roles.ToDictionary(r => r.Name, StringComparer.Ordinal);
        rosterByName = rosterRoles.ToDictionary(r => r.Name, StringComparer.Ordinal);
        kindsByName = dutyKinds.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    /// <summary>The vocabulary shipped with the product; read and checked on first use.</summary>
    public static PartyVocabulary Shipped => ShippedVocabulary.Value;

    /// <summary>The organisation levels, from the top down.</summary>
    public IReadOnlyList<OrganisationLevel> Levels { get; }

    /// <summary>Every canonical role, from the top of the organisation down.</summary>
    public IReadOnlyList<RoleTerm> Roles { get; }

    /// <summary>Words that look like a role but name none (党组织 is any party organisation, not a 党组).</summary>
    public IReadOnlyList<string> NotRoles { get; }

    /// <summary>Bare office words (书记, 委员, 干部) that name some office without saying which.</summary>
    public IReadOnlyList<string> OfficeWords { get; }

    /// <summary>The roles a roster may give a member, in the order the roster lists them.</summary>
    public IReadOnlyList<RosterRole> RosterRoles { get; }

    /// <summary>The roster roles of the branch's secretaries (党支部书记, 副书记): they run secretary commands and receive branch duties.</summary>
    public IReadOnlyList<string> SecretaryRoles => [.. RosterRoles.Where(r => r.IsSecretary).Select(r => r.Name)];

    /// <summary>Every duty kind, in the order the classifier tries them (specific kinds before generic activities).</summary>
    public IReadOnlyList<DutyKindTerm> DutyKinds { get; }

    /// <summary>The canonical role named <paramref name="name"/>, or null.</summary>
    public RoleTerm? FindRole(string? name) => name is not null && rolesByName.TryGetValue(name, out var role) ? role : null;

    /// <summary>The roster role named <paramref name="name"/> (exactly as the roster writes it), or null.</summary>
    public RosterRole? FindRosterRole(string? name) => name is not null && rosterByName.TryGetValue(name.Trim(), out var role) ? role : null;

    /// <summary>The roster roles whose holders hold the canonical role <paramref name="role"/> (预备党员 → 预备党员; 支部委员 → 副书记, 组织委员 …).</summary>
    public IReadOnlyList<string> RosterRolesFor(string role) => [.. RosterRoles.Where(r => r.Role == role).Select(r => r.Name)];

    /// <summary>The duty kind named <paramref name="name"/>, or null.</summary>
    public DutyKindTerm? FindDutyKind(string? name) => name is not null && kindsByName.TryGetValue(name, out var kind) ? kind : null;

    /// <summary>The duty kind named <paramref name="name"/>; throws when the vocabulary has none (a constant out of step with the data).</summary>
    public DutyKindTerm DutyKind(string name) =>
        FindDutyKind(name) ?? throw new KeyNotFoundException($"The vocabulary has no duty kind '{name}'.");

    /// <summary>Reads and checks a vocabulary; throws <see cref="InvalidDataException"/> naming the first inconsistency.</summary>
    public static PartyVocabulary Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        VocabularyFile file;
        try
        {
            file = JsonSerializer.Deserialize(json, VocabularyJsonContext.Default.VocabularyFile)
                ?? throw new InvalidDataException("The vocabulary file is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("The vocabulary file is not valid: " + e.Message, e);
        }

        return FromFile(file);
    }

    private static PartyVocabulary LoadShipped()
    {
        using var stream = typeof(PartyVocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the knowledge assembly.");
        return Load(stream);
    }

    private static PartyVocabulary FromFile(VocabularyFile file)
    {
        var levels = (file.Levels ?? []).Select(l => new OrganisationLevel { Name = Required(l.Name, "level name"), Parent = l.Parent, Description = l.Description }).ToList();
        Unique(levels.Select(l => l.Name), "level");
        var levelNames = levels.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var level in levels.Where(l => l.Parent is not null && !levelNames.Contains(l.Parent)))
        {
            throw new InvalidDataException($"Level '{level.Name}' names an unknown parent '{level.Parent}'.");
        }

        var roles = (file.Roles ?? []).Select(r => ToRole(r, levelNames)).ToList();
        Unique(roles.Select(r => r.Name), "role");
        Unique(roles.SelectMany(r => r.Aliases.Concat(r.BodyAliases)).Concat(file.NotRoles ?? []), "role alias");
        var roleNames = roles.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

        var roster = (file.RosterRoles ?? []).Select(r => new RosterRole
        {
            Name = Required(r.Name, "roster role name"),
            Role = roleNames.Contains(r.Role) ? r.Role : throw new InvalidDataException($"Roster role '{r.Name}' names an unknown role '{r.Role}'."),
            Office = r.Office,
            IsSecretary = r.Secretary,
            IsOfficer = r.Officer,
        }).ToList();
        Unique(roster.Select(r => r.Name), "roster role");

        var kinds = (file.DutyKinds ?? []).Select(ToDutyKind).ToList();
        Unique(kinds.Select(k => k.Name), "duty kind");
        Unique(kinds.SelectMany(k => k.Synonyms.Append(k.TrackedAs).OfType<string>()), "duty kind synonym");
        return new PartyVocabulary(levels, roles, [.. file.NotRoles ?? []], [.. file.OfficeWords ?? []], roster, kinds);
    }

    private static RoleTerm ToRole(VocabularyFile.RoleEntry entry, HashSet<string> levels)
    {
        var name = Required(entry.Name, "role name");
        if (!levels.Contains(entry.Level))
        {
            throw new InvalidDataException($"Role '{name}' names an unknown level '{entry.Level}'.");
        }

        if (!Enum.TryParse<RoleKind>(entry.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new InvalidDataException($"Role '{name}' has an unknown kind '{entry.Kind}' (organisation, office or member).");
        }

        if ((kind == RoleKind.Office) != (entry.Office is not null))
        {
            throw new InvalidDataException($"Role '{name}': an office (and only an office) names its title.");
        }

        var aliases = entry.Aliases ?? [];
        var bodies = entry.BodyAliases ?? [];
        if (aliases.Count == 0 || aliases.Concat(bodies).Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidDataException($"Role '{name}' needs at least one alias, and no empty one.");
        }

        return new RoleTerm
        {
            Name = name, Level = entry.Level, Kind = kind, Office = entry.Office, Aliases = [.. aliases],
            BodyAliases = [.. bodies], InClauses = entry.InClauses ?? true,
        };
    }

    private static DutyKindTerm ToDutyKind(VocabularyFile.DutyKindEntry entry)
    {
        var name = Required(entry.Name, "duty kind name");
        try
        {
            _ = new Regex(Required(entry.Phrasing, "phrasing of " + name), RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Duty kind '{name}' has an invalid phrasing: {e.Message}", e);
        }

        if (entry.TrackedAs is not null && entry.Title is null)
        {
            throw new InvalidDataException($"Duty kind '{name}' is tracked as '{entry.TrackedAs}' but has no title.");
        }

        return new DutyKindTerm
        {
            Name = name, Phrasing = entry.Phrasing, Reported = entry.Reported, GovernsPassage = entry.GovernsPassage,
            Title = entry.Title, Synonyms = [.. entry.Synonyms ?? []], TrackedAs = entry.TrackedAs,
        };
    }

    private static string Required(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"A {what} is missing.") : value;

    private static void Unique(IEnumerable<string> names, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                throw new InvalidDataException($"The {what} '{name}' appears twice.");
            }
        }
    }
}
