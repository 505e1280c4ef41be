namespace PartyAffairs.Bot.State;

/// <summary>
/// The host's logger factory as the embedded Garnet server sees it: every Garnet category is prefixed with
/// <c>Garnet.</c>, so one configuration key (<c>Logging:LogLevel:Garnet</c>) sets its level. Garnet does not own the
/// factory: disposing this does nothing.
/// </summary>
internal sealed class GarnetLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    /// <summary>The prefix of Garnet's log categories.</summary>
    public const string CategoryPrefix = "Garnet.";

    // Garnet's argument parser warns on every start that an external logger factory makes its own logging options
    // moot; that is how it is meant to be used here, so only its errors (a bad argument) are passed on.
    private const string ArgumentParserCategory = "ArgParser";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(CategoryPrefix + categoryName);
        return categoryName == ArgumentParserCategory ? new ErrorsOnlyLogger(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("Providers belong to the host's logger factory.");

    public void Dispose()
    {
    }

    private sealed class ErrorsOnlyLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
