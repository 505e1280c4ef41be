namespace PartyAffairs.Bot.BotFramework.DirectLine;

/// <summary>The transcript store could not be reached; the request is answered 503 and nothing is acknowledged.</summary>
public sealed class DirectLineStoreUnavailableException : Exception
{
    public DirectLineStoreUnavailableException() { }

    public DirectLineStoreUnavailableException(string message) : base(message) { }

    public DirectLineStoreUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
