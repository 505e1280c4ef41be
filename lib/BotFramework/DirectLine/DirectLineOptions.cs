using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>Settings of the self-hosted Direct Line 3.0 service (section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "DirectLine";

    /// <summary>The master secret: clients may send it as <c>Authorization: Bearer …</c> or exchange it for tokens. Unset: only tokens work.</summary>
    public string? Secret { get; set; }

    /// <summary>How long a token lives, in seconds (<c>expires_in</c>).</summary>
    [Range(60, 86_400)]
    public int TokenLifetimeSeconds { get; set; } = 1800;

    /// <summary>The bot's account id in Direct Line conversations.</summary>
    [Required]
    public string BotId { get; set; } = "bot";

    /// <summary>The bot's display name.</summary>
    [Required]
    public string BotName { get; set; } = "Bot";

    /// <summary>The base URL clients reach this host at (for <c>streamUrl</c> behind a reverse proxy); unset: taken from each request.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Messages one member may post per <see cref="RateLimitWindowSeconds"/>; more get 429.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitMessages { get; set; } = 10;

    /// <summary>The sliding window of the per-member rate limit, in seconds.</summary>
    [Range(1, 3600)]
    public int RateLimitWindowSeconds { get; set; } = 10;

    /// <summary>Chat-page tokens (<c>/api/chat/token</c>, unauthenticated) one client address may get per <see cref="ChatTokenWindowSeconds"/>; more get 429.</summary>
    [Range(1, 1_000_000)]
    public int ChatTokensPerAddress { get; set; } = 30;

    /// <summary>The window of <see cref="ChatTokensPerAddress"/>, in seconds.</summary>
    [Range(1, 86_400)]
    public int ChatTokenWindowSeconds { get; set; } = 60;

    /// <summary>How long an idle conversation's transcript is kept (Redis key expiry), in days.</summary>
    [Range(1, 3650)]
    public int TranscriptRetentionDays { get; set; } = 30;

    /// <summary>Without Redis: the most conversations kept in memory (the least recently active are dropped).</summary>
    [Range(10, 1_000_000)]
    public int InMemoryMaxConversations { get; set; } = 10_000;

    /// <summary>
    /// The most activities a conversation's transcript keeps (older ones are dropped; ids and watermarks stay valid, and a
    /// client behind the dropped head resumes from the oldest kept). In Redis a transcript may run a tenth over before it is trimmed.
    /// </summary>
    [Range(10, 100_000)]
    public int TranscriptMaxActivities { get; set; } = 500;

    /// <summary>The most activities in one GET page or stream frame.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>Seconds between keep-alive frames (and store re-checks) on an idle WebSocket stream.</summary>
    [Range(1, 300)]
    public int StreamKeepAliveSeconds { get; set; } = 15;

    /// <summary>The longest a bot turn may take before the POST answers 502, in seconds (the service acknowledges within 15 s).</summary>
    [Range(1, 120)]
    public int BotTimeoutSeconds { get; set; } = 15;
}
