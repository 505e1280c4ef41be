namespace PartyAffairs.Ledger.Storage;

/// <summary>
/// The ledger's database did not answer (down, unreachable, locked past the busy timeout). A
/// <see cref="TimeoutException"/>, so every existing “store unavailable” path treats it like the Redis store: the admin
/// API answers 503 and a chat turn replies 服务暂时不可用 instead of failing.
/// </summary>
public sealed class LedgerUnavailableException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public LedgerUnavailableException()
        : base("The ledger database is unavailable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LedgerUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for <paramref name="innerException"/>.</summary>
    public LedgerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
