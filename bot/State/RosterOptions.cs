using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.Bot.State;

/// <summary>Invite codes and binding (section <c>Roster</c>).</summary>
public sealed class RosterOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Roster";

    /// <summary>How long an invite code works after it was issued (reissue gives a fresh one).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan InviteLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Bind attempts one chat account may make per <see cref="BindAttemptWindow"/>.</summary>
    [Range(1, 10_000)]
    public int BindAttemptsPerAccount { get; set; } = 5;

    /// <summary>Bind attempts one client address (Direct Line) may make per <see cref="BindAttemptWindow"/>.</summary>
    [Range(1, 100_000)]
    public int BindAttemptsPerAddress { get; set; } = 20;

    /// <summary>Bind attempts (not counting those that bound) all accounts together may make per <see cref="BindAttemptWindow"/>.</summary>
    [Range(1, 1_000_000)]
    public int BindAttemptsGlobal { get; set; } = 200;

    /// <summary>The window of the bind limits.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BindAttemptWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Roster rows written per store command during an import (smaller batches keep turns answering).</summary>
    [Range(1, 10_000)]
    public int ImportBatchSize { get; set; } = 500;
}
