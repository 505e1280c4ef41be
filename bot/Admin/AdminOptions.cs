namespace PartyAffairs.Bot.Admin;

/// <summary>The admin API's settings (configuration section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Admin";

    /// <summary>Bearer token for /api/admin; when empty the admin API is disabled.</summary>
    public string? Token { get; set; }
}
