using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PartyAffairs.Bot.Tests.State;

/// <summary>A logger factory (and provider) that keeps every entry with its level and event id.</summary>
internal sealed class RecordedLog : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public IEnumerable<Entry> At(LogLevel level) => Entries.Where(e => e.Level == level);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    internal sealed record Entry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(category, logLevel, eventId.Id, formatter(state, exception), exception));
    }
}
