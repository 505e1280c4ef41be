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
}
