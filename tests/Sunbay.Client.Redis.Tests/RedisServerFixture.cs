using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sunbay.Client.Redis.Tests;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, without persistence, for the tests of one class. The tests install
/// nothing: <c>.ci/run</c> provisions redis-server, a contributor installs it once. When the binary cannot be found or
/// started, every test using the fixture fails and says how to fix it: a skipped test would let CI pass on a machine
/// where the multi-instance webhook path never ran.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server"];
    private readonly StringBuilder _output = new();
    private Process? _process;

    public int Port { get; private set; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=5000";

    public async Task InitializeAsync()
    {
        var executable = Find() ?? throw new InvalidOperationException(
            "redis-server was not found on PATH nor in /usr/bin, /usr/local/bin, /usr/sbin. The Redis tests need a real one: "
            + "install it once with `sudo apt-get install -y redis-server` (Debian/Ubuntu; `brew install redis` on macOS); .ci/run installs it on CI. "
            + "To run the other tests without it: dotnet test Sunbay.Client.sln --filter Category!=Redis");
        Port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no"])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null.");
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"redis-server ({executable}) could not be started: {ex.Message}", ex);
        }

        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginErrorReadLine();
        var ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stdout = _process.StandardOutput;
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
        });
        try
        {
            if (await ready.Task.WaitAsync(TimeSpan.FromSeconds(20)))
            {
                return;
            }
        }
        catch (TimeoutException)
        {
        }

        await DisposeAsync();
        throw new InvalidOperationException($"redis-server ({executable}) did not become ready on 127.0.0.1:{Port}. Its output:\n{Output}");
    }

    public async Task DisposeAsync()
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

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .Concat(Candidates)
            .FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
