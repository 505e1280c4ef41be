namespace PartyAffairs.Bot.State;

/// <summary>
/// The embedded store cannot start, for a reason the operator must resolve; the message says what was found and what to
/// do. The host logs it once at Critical and exits with <see cref="ExitCode"/> (no stack trace; the service unit does not
/// restart on that code, so a refusal is not a restart loop).
/// </summary>
public abstract class StoreStartException : InvalidOperationException
{
    /// <summary>The process exit code of a refused start (78, EX_CONFIG: the configuration or data needs an operator).</summary>
    public const int ExitCode = 78;

    /// <summary>An exception with the message to show.</summary>
    protected StoreStartException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with the message and its cause.</summary>
    protected StoreStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
