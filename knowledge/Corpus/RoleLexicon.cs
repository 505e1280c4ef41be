using PartyAffairs.Knowledge.Vocabulary;

namespace PartyAffairs.Knowledge.Corpus;

/// <summary>
/// The organisation levels and roles clauses are tagged with, and the many ways the documents (and members) name them,
/// read from <see cref="PartyVocabulary"/>.
/// </summary>
public static class RoleLexicon
{
    /// <summary>Canonical role names, from the top of the organisation down.</summary>
    public static IReadOnlyList<string> Canonical { get; } =
        [.. PartyVocabulary.Shipped.Roles.Where(r => r.InClauses).Select(r => r.Name)];

    // Alias → canonical role. Matching is longest-first at each position, so 预备党员 never also counts as 党员
    // and 支部委员会 (a committee, the branch level) never counts as 支部委员 (a member). Roles clauses are not tagged with
    // (基层党组织, 班子成员) and words that only look like roles (党组织) map to nothing.
    private static readonly (string Alias, string Role)[] Aliases =
    [
        .. PartyVocabulary.Shipped.Roles
            .SelectMany(r => r.Aliases.Concat(r.BodyAliases).Select(a => (a, r.InClauses ? r.Name : string.Empty)))
            .Concat(PartyVocabulary.Shipped.NotRoles.Select(a => (a, string.Empty)))
            .OrderByDescending(x => x.Item1.Length),
    ];

    /// <summary>The canonical roles named in <paramref name="text"/>, in order of first mention, each once.</summary>
    public static IReadOnlyList<string> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new List<string>();
        foreach (var (role, _, _) in AliasScanner.Scan(text, Aliases))
        {
            if (role.Length > 0 && !found.Contains(role))
            {
                found.Add(role);
            }
        }

        return found;
    }

    /// <summary>
    /// The canonical name for a role as a member may type it (支部书记 → 党支部书记), or as a roster gives it (组织委员 →
    /// 支部委员, 党小组长 → 党小组); null when it names no role.
    /// </summary>
    public static string? Normalize(string? role)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            return null;
        }

        var trimmed = role.Trim();
        if (Canonical.Contains(trimmed))
        {
            return trimmed;
        }

        if (PartyVocabulary.Shipped.FindRosterRole(trimmed) is { } roster && Canonical.Contains(roster.Role))
        {
            return roster.Role;
        }

        var found = Find(trimmed);
        return found.Count > 0 ? found[0] : null;
    }
}
