namespace PartyAffairs.Bot.Tests.Guides;

/// <summary>The repository's guides (<c>docs/</c>), read by the tests that keep them true.</summary>
internal static class GuideFiles
{
    /// <summary>The text of <c>docs/<paramref name="name"/></c>.</summary>
    public static string Read(string name) => File.ReadAllText(Path.Combine(Root(), "docs", name));

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
