namespace PartyAffairs.Bot.State;

/// <summary>Another process holds the embedded store's data folder; the message names it and what to do.</summary>
public sealed class StoreFolderInUseException : StoreStartException
{
    /// <summary>An exception with the message to show.</summary>
    public StoreFolderInUseException(string message)
        : base(message)
    {
    }

    /// <summary>An exception without details.</summary>
    public StoreFolderInUseException()
        : base("The embedded store's data folder is in use by another process.")
    {
    }

    /// <summary>An exception with the message and its cause.</summary>
    public StoreFolderInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
