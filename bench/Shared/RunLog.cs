using Microsoft.Extensions.Logging;

namespace Portal.Bench;

/// <summary>The services' output and the orchestrator's log lines, in one file; lines after the run are dropped.</summary>
public sealed class RunLog : IDisposable
{
    readonly StreamWriter _writer;
    bool _closed;

    public RunLog(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _writer = new StreamWriter(path, append: false) { AutoFlush = true };
        Loggers = LoggerFactory.Create(logging => logging.AddProvider(new LineLoggerProvider(Write)));
    }

    public ILoggerFactory Loggers { get; }

    public void Write(string source, string line)
    {
        lock (_writer)
            if (!_closed) _writer.WriteLine($"[{source}] {line}");
    }

    public void Dispose()
    {
        Loggers.Dispose();
        lock (_writer)
        {
            _closed = true;
            _writer.Dispose();
        }
    }
}

/// <summary>The orchestrator's own log lines, into the same file as the services' output.</summary>
sealed class LineLoggerProvider(Action<string, string> write) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new LineLogger(categoryName, write);
    public void Dispose() { }
}

sealed class LineLogger(string category, Action<string, string> write) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        write("apphost", $"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
}
