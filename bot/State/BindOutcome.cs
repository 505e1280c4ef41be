namespace PartyAffairs.Bot.State;

/// <summary>The outcome of claiming an invite code.</summary>
public enum BindOutcome
{
    /// <summary>The account is now bound to the member.</summary>
    Bound,

    /// <summary>No such code, or it was used already.</summary>
    InvalidCode,

    /// <summary>This chat account is bound already (to the member named in the result).</summary>
    AlreadyBound,

    /// <summary>No roster member has the mobile number the platform gave.</summary>
    NoMobileMatch,

    /// <summary>Several roster members have that mobile number, so none is chosen.</summary>
    AmbiguousMobile,
}
