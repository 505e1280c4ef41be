namespace PartyAffairs.Bot.Links;

/// <summary>Options of signed links (section <c>Links</c>): where they point and the key that signs them.</summary>
public sealed class LinkOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Links";

    /// <summary>
    /// The address users open links at, as seen from their browser (e.g. <c>https://dangwu.example.gov.cn/</c> behind
    /// a reverse proxy). Empty: the host's first listening address, with a wildcard host replaced by <c>localhost</c>.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// The signing key (at least 32 characters). Empty: a key generated on first run in <c>{Storage:DataDir}/link-key</c>
    /// (0600). Instances sharing a data folder share the file; instances with separate folders need this set, the same
    /// on each.
    /// </summary>
    public string? Key { get; set; }
}
