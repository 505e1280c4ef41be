namespace PartyAffairs.Bot.Admin;

/// <summary>The admin API's settings (configuration section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Admin";

    /// <summary>
    /// Bearer token for /api/admin. When empty, a token generated on first run and kept in
    /// <c>{Storage:DataDir}/admin-token</c> is used (see <see cref="GenerateToken"/>).
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// Without <see cref="Token"/>, generate one on first run (stored owner-only under the data folder) and use it;
    /// <c>false</c> leaves the admin API disabled instead (503).
    /// </summary>
    public bool GenerateToken { get; set; } = true;

    /// <summary>Failed admin authentications one client address may make per <see cref="AuthFailureWindow"/>; then 429 until the window ends.</summary>
    public int AuthFailuresPerAddress { get; set; } = 10;

    /// <summary>The window of <see cref="AuthFailuresPerAddress"/>.</summary>
    public TimeSpan AuthFailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}
