using Microsoft.Extensions.Logging;

namespace NewsPlatform.ReaderFeed.Tests.Fixtures;

/// <summary>Keeps the test host's warnings and errors in artifacts/readerfeed-host.log, for reading after a failed run.</summary>
public sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    readonly Lock _lock = new();

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    void Write(string line)
    {
        lock (_lock) File.AppendAllText(path, line + Environment.NewLine);
    }

    public void Dispose() { }

    sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            provider.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
    }
}
