using System.Globalization;
using System.Collections.Concurrent;
using Garnet;
using Microsoft.Extensions.Logging;

namespace Sunbay.Client.Redis.Tests;

/// <summary>
/// Microsoft's Garnet, a Redis-protocol server, running in the test process: nothing to install. It serves what
/// Sunbay.Client.Redis uses (SET NX PX, DEL, pub/sub) and Lua scripts (enabled, run as transactions as Redis does);
/// it has no streams.
/// </summary>
public sealed class GarnetBackend : RedisBackend
{
    /// <summary>The backend's name in test data.</summary>
    public const string Name = "garnet";

    private GarnetServer? _server;
    private bool _saved;

    /// <inheritdoc/>
    public override Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_server is not null)
        {
            return Task.CompletedTask;
        }

        List<string> arguments =
        [
            "--bind", "127.0.0.1",
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            // The Redis package's scripts need Lua; transaction mode makes a script atomic, as in Redis.
            "--lua", "--lua-transaction-mode",
            // Plain file I/O for the log and checkpoints, no native AIO library needed.
            "--device-type", "RandomAccess",
            "--checkpointdir", DataDirectory,
        ];
        if (_saved)
        {
            arguments.Add("--recover");
        }

        var log = new CollectingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(log).SetMinimumLevel(LogLevel.Warning));
        GarnetServer? server = null;
        try
        {
            server = new GarnetServer([.. arguments], loggerFactory, cleanupDir: false);
            server.Start();
        }
        catch (Exception ex)
        {
            server?.Dispose(deleteDir: false);
            throw new InvalidOperationException($"Garnet did not start on 127.0.0.1:{Port}: {ex.Message} Its log:\n{log}", ex);
        }

        _server = server;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_server is not { } server)
        {
            return;
        }

        await SaveAsync();
        _saved = true;
        _server = null;
        server.Dispose(deleteDir: false);
    }
}

/// <summary>Keeps Garnet's warnings and errors, to explain a server that did not start.</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public override string ToString() => string.Join('\n', _lines);

    private sealed class Logger(CollectingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception?.Message}");
            }
        }
    }
}
