namespace PartyAffairs.Bot.State;

/// <summary>Kinds of <see cref="PendingStep"/>.</summary>
public static class PendingKinds
{
    /// <summary>A notice to broadcast to the branch.</summary>
    public const string Notice = "notice";
}
