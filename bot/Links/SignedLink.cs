namespace PartyAffairs.Bot.Links;

/// <summary>
/// What a signed link grants: <paramref name="Purpose"/> (what it may be used for, e.g. <c>console-signin</c>),
/// <paramref name="Subject"/> (who or what it is about, e.g. a member id), <paramref name="Scope"/> (e.g. a branch id
/// or a year), until <paramref name="ExpiresAt"/>. <paramref name="Id"/> is unique per link (single use is per id).
/// </summary>
public sealed record SignedLink(string Purpose, string Subject, string Scope, DateTimeOffset ExpiresAt, string Id);

/// <summary>Why a token was or was not accepted.</summary>
public enum LinkStatus
{
    /// <summary>Signature and purpose good, not expired (and, for a redeemed link, not used before).</summary>
    Valid,

    /// <summary>Malformed, forged, altered, or issued for another purpose.</summary>
    Invalid,

    /// <summary>Genuine but past its expiry.</summary>
    Expired,

    /// <summary>Genuine, single use, and used already.</summary>
    Used,
}

/// <summary>The outcome of checking a token: its status and, when genuine, what it grants.</summary>
public readonly record struct LinkCheck(LinkStatus Status, SignedLink? Link);
