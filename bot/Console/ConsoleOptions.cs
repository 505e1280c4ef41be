using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.Bot.WebConsole;

/// <summary>Options of the web console (section <c>Console</c>).</summary>
public sealed class ConsoleOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Console";

    /// <summary>How long a sign-in link sent in chat stays valid (default 10 minutes).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a console session lasts after sign-in (default 8 hours).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed office logins allowed per client address within <see cref="LoginWindow"/> (default 5).</summary>
    [Range(1, 1000)]
    public int MaxLoginFailures { get; set; } = 5;

    /// <summary>The window of <see cref="MaxLoginFailures"/> (default 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Largest roster upload, in bytes (default 1 MiB, as the admin API).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxUploadBytes { get; set; } = 1024 * 1024;
}
