namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>The transcript store could not be reached; the request is answered 503 and nothing is acknowledged.</summary>
public sealed class DirectLineStoreUnavailableException : Exception
{
    /// <summary>The store could not be reached.</summary>
    public DirectLineStoreUnavailableException() { }

    /// <summary>The store could not be reached, for the reason given.</summary>
    public DirectLineStoreUnavailableException(string message) : base(message) { }

    /// <summary>The store could not be reached, because of <paramref name="innerException"/>.</summary>
    public DirectLineStoreUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
