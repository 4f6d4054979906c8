using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NewsPlatform.Authoring.Tests.Import.Integration;

/// <summary>Keeps the log lines a host writes in one category, so a test can wait for what the host reports.</summary>
public sealed class CapturedLogs(string category) : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName == category ? _lines : null);

    public void Dispose() { }

    private sealed class Logger(ConcurrentQueue<(LogLevel, string)>? lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => lines is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines?.Enqueue((logLevel, formatter(state, exception)));
    }
}
