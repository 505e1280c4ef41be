namespace PartyAffairs.Bot.State;

/// <summary>
/// The embedded store's data folder held data and nothing usable can be recovered from it (or what was recovered is
/// empty): the start is refused rather than silently beginning empty. The message names the folder, what was found and
/// the recovery steps.
/// </summary>
public sealed class StoreRecoveryRefusedException : StoreStartException
{
    /// <summary>An exception with the message to show.</summary>
    public StoreRecoveryRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>An exception without details.</summary>
    public StoreRecoveryRefusedException()
        : base("The embedded store's data folder held data that cannot be recovered.")
    {
    }

    /// <summary>An exception with the message and its cause.</summary>
    public StoreRecoveryRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
