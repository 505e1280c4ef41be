namespace PartyAffairs.Knowledge.Corpus;

/// <summary>The organisation levels and roles of the corpus, and the many ways the documents (and members) name them.</summary>
public static class RoleLexicon
{
    /// <summary>Canonical role names, from the top of the organisation down.</summary>
    public static IReadOnlyList<string> Canonical { get; } =
    [
        "党组（党委）", "党组书记", "党组成员", "机关党委（党总支）", "机关党委书记", "专兼职副书记",
        "党支部", "党支部书记", "支部委员", "党小组", "党员", "预备党员", "党员领导干部",
    ];

    // Alias → canonical role. Matching is longest-first at each position, so 预备党员 never also counts as 党员
    // and 支部委员会 (a committee, the branch level) never counts as 支部委员 (a member).
    private static readonly (string Alias, string Role)[] Aliases = BuildAliases();

    private static (string, string)[] BuildAliases()
    {
        var list = new List<(string, string)>
        {
            ("党组（党委）书记", "党组书记"), ("党委（党组）书记", "党组书记"), ("党委（党组、工委）书记", "党组书记"),
            ("党组书记", "党组书记"), ("党委书记", "党组书记"), ("一把手", "党组书记"),
            ("党组（党委）成员", "党组成员"), ("党组成员", "党组成员"), ("党委成员", "党组成员"), ("局领导", "党组成员"),
            ("党组（党委）", "党组（党委）"), ("党委（党组）", "党组（党委）"), ("党委（党组、工委）", "党组（党委）"),
            ("部门党组", "党组（党委）"), ("办党组", "党组（党委）"), ("局党组", "党组（党委）"), ("党组", "党组（党委）"),
            ("机关党委书记", "机关党委书记"), ("机关党组织书记", "机关党委书记"),
            ("机关党委（党总支）", "机关党委（党总支）"), ("机关党委（总支）", "机关党委（党总支）"),
            ("机关党委", "机关党委（党总支）"), ("机关党组织", "机关党委（党总支）"), ("党总支", "机关党委（党总支）"),
            ("专兼职副书记", "专兼职副书记"), ("专职副书记", "专兼职副书记"), ("专（兼）职副书记", "专兼职副书记"),
            ("党支部书记", "党支部书记"), ("支部书记", "党支部书记"),
            ("党支部委员会", "党支部"), ("支部委员会", "党支部"), ("支委会", "党支部"),
            ("党支部委员", "支部委员"), ("支部委员", "支部委员"), ("组织委员", "支部委员"), ("宣传委员", "支部委员"),
            ("纪检委员", "支部委员"), ("青年委员", "支部委员"), ("支委", "支部委员"),
            ("机关党支部", "党支部"), ("党支部", "党支部"), ("支部", "党支部"),
            ("党小组", "党小组"),
            ("预备党员", "预备党员"),
            ("党员领导干部", "党员领导干部"), ("领导干部", "党员领导干部"),
            ("党员", "党员"),
            ("基层党组织书记", "党支部书记"),
            ("党员大会", "党支部"), ("支部党员大会", "党支部"),
            // Not roles: 党组织 (any party organisation) must not count as 党组.
            ("党组织", string.Empty), ("上级党组织", string.Empty),
        };
        list.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        return [.. list];
    }

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

    /// <summary>The canonical name for a role as a member may type it (支部书记 → 党支部书记), or null when it names no role.</summary>
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

        var found = Find(trimmed);
        return found.Count > 0 ? found[0] : null;
    }
}
