using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Sunbay.Client.Redis.Tests;

/// <summary>
/// The Redis-protocol servers the tests of one class run against, each on a free loopback port and started on first
/// use: Garnet, started in process from the Microsoft.Garnet package, always (a fresh machine with only the .NET SDK
/// runs every Redis test); a real <c>redis-server</c> as well when one is configured (<c>SUNBAY_TEST_REDIS_SERVER</c>
/// names the binary) or found on PATH. The tests install nothing: <c>.ci/run</c> provisions redis-server so CI runs
/// both. A configured redis-server that cannot start fails its tests rather than skipping them, so CI cannot pass
/// without the real server having run.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    /// <summary>The environment variable naming a redis-server binary to test against besides Garnet.</summary>
    public const string RedisServerVariable = "SUNBAY_TEST_REDIS_SERVER";

    private readonly Dictionary<string, RedisBackend> _backends = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The backends every Redis test runs against, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Backends
    {
        get
        {
            var data = new TheoryData<string> { GarnetBackend.Name };
            if (RedisServerBackend.Find() is not null)
            {
                data.Add(RedisServerBackend.Name);
            }

            return data;
        }
    }

    /// <summary>The named backend, started on first use and shared by the tests of the class.</summary>
    public RedisBackend this[string backend]
    {
        get
        {
            _gate.Wait();
            try
            {
                if (!_backends.TryGetValue(backend, out var server))
                {
                    server = Create(backend);
                    server.StartAsync().GetAwaiter().GetResult();
                    _backends.Add(backend, server);
                }

                return server;
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>A new, not yet started backend of its own (for a test that stops and restarts it).</summary>
    public static RedisBackend Create(string backend) => backend switch
    {
        GarnetBackend.Name => new GarnetBackend(),
        RedisServerBackend.Name => new RedisServerBackend(RedisServerBackend.Find()
            ?? throw new InvalidOperationException($"redis-server was not found ({RedisServerVariable} unset, not on PATH).")),
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "Unknown Redis test backend."),
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var backend in _backends.Values)
        {
            await backend.DisposeAsync();
        }

        _backends.Clear();
        _gate.Dispose();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// One Redis-protocol server on a fixed loopback port. <see cref="StopAsync"/> then <see cref="StartAsync"/> restarts
/// it on the same port with its data kept, as a Redis that goes down and comes back.
/// </summary>
public abstract class RedisBackend : IAsyncDisposable
{
    private protected RedisBackend()
    {
        Port = RedisServerFixture.FreePort();
        DataDirectory = Directory.CreateTempSubdirectory("sunbay-redis-test-").FullName;
    }

    /// <summary>The loopback port, the same across restarts.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=5000";

    /// <summary>Where the server saves its data between a stop and a start.</summary>
    protected string DataDirectory { get; }

    /// <summary>Starts the server (again), with the data saved by the last stop.</summary>
    public abstract Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves the data and stops the server; clients see the connection drop.</summary>
    public abstract Task StopAsync(CancellationToken cancellationToken = default);

    /// <summary>A new connection to this server (the caller disposes it).</summary>
    public async Task<ConnectionMultiplexer> ConnectAsync() => await ConnectionMultiplexer.ConnectAsync(ConnectionString);

    /// <summary>Stops the server and deletes its data.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temporary directory is harmless
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Saves the data set to disk (SAVE) through a short-lived admin connection.</summary>
    protected async Task SaveAsync()
    {
        using var admin = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",allowAdmin=true");
        // SAVE, not BGSAVE: the file is complete when the reply comes, before the server is stopped.
        await admin.GetServer(admin.GetEndPoints()[0]).ExecuteAsync("SAVE");
    }

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name} on 127.0.0.1:{Port}";
}
