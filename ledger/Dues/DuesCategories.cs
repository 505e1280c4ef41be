namespace PartyAffairs.Ledger.Dues;

/// <summary>The Chinese names of the dues categories and the other words accepted for them.</summary>
public static class DuesCategories
{
    private static readonly (DuesCategory Category, string Name, string[] Aliases)[] Table =
    [
        (DuesCategory.Employed, "在职", ["在职党员", "在岗", "工作"]),
        (DuesCategory.Retired, "离退休", ["退休", "离休", "离退休党员", "退休党员"]),
        (DuesCategory.Student, "学生", ["学生党员"]),
        (DuesCategory.Unemployed, "下岗失业", ["失业", "下岗", "无业"]),
        (DuesCategory.Relief, "抚恤救济", ["救济", "抚恤", "依靠抚恤或救济生活"]),
        (DuesCategory.MinimumLivingAllowance, "低保", ["最低生活保障", "领取最低生活保障金"]),
        (DuesCategory.Farmer, "农民", ["农民党员"]),
        (DuesCategory.Exempt, "免交", ["免缴", "免交党费"]),
    ];

    /// <summary>Every category's name, in the regulation's order.</summary>
    public static IReadOnlyList<string> Names { get; } = Table.Select(t => t.Name).ToArray();

    /// <summary>The category's Chinese name.</summary>
    public static string Name(DuesCategory category) => Table.First(t => t.Category == category).Name;

    /// <summary>The category <paramref name="text"/> names, or null.</summary>
    public static DuesCategory? Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var (category, name, aliases) in Table)
        {
            if (value == name || aliases.Contains(value, StringComparer.Ordinal))
            {
                return category;
            }
        }

        return null;
    }
}
