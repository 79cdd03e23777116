using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Sunbay.Client.Redis.Tests;

/// <summary>
/// A real <c>redis-server</c> child process, when one is configured (<see cref="RedisServerFixture.RedisServerVariable"/>)
/// or on PATH. It saves to its own temporary directory only when stopped, so a restart keeps the data.
/// </summary>
public sealed class RedisServerBackend(string executable) : RedisBackend
{
    /// <summary>The backend's name in test data.</summary>
    public const string Name = "redis-server";

    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>The redis-server to use: the configured one, else the first on PATH; null when there is none.</summary>
    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(RedisServerFixture.RedisServerVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured; // a configured binary that is missing fails the tests, it is not silently skipped
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
    }

    /// <inheritdoc/>
    public override async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_process is not null)
        {
            return;
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--dir", DataDirectory, "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no",
                     "--protected-mode", "no", "--daemonize", "no"])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null.");
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"redis-server ({executable}) could not be started: {ex.Message}", ex);
        }

        _process = process;
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginErrorReadLine();
        var ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stdout = process.StandardOutput;
        _ = Task.Run(async () =>
        {
            while (await stdout.ReadLineAsync() is { } line)
            {
                Append(line);
                if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
                {
                    ready.TrySetResult(true);
                }
            }

            ready.TrySetResult(false); // exited before it was ready
        }, CancellationToken.None);
        try
        {
            if (await ready.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken))
            {
                return;
            }
        }
        catch (TimeoutException)
        {
        }

        await KillAsync();
        throw new InvalidOperationException($"redis-server ({executable}) did not become ready on 127.0.0.1:{Port}. Its output:\n{Output}");
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_process is not { HasExited: false })
        {
            await KillAsync();
            return;
        }

        await SaveAsync();
        await KillAsync();
    }

    private async Task KillAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
