using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PartyAffairs.Bot.Tests.Operations;

/// <summary>Keeps every log entry that passes the host's configured levels (the filter rules apply to every provider).</summary>
internal sealed class CountingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, EventId EventId, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, EventId EventId, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string, EventId, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, category, eventId, $"{formatter(state, exception)} {exception}"));
    }
}
