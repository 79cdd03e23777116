using Sunbay.Client.Testing;

namespace Sunbay.Client.CmCom.Tests.Reliability;

/// <summary>A real <see cref="CmComClient"/> on a fresh <see cref="FakeCmComHost"/>'s in-memory handler and clock, per test.</summary>
public abstract class FakeHostTest : IAsyncLifetime
{
    /// <summary>The fake's default terminal, the client's configured one.</summary>
    public const string Terminal = "SUNMI-P2lite-FAKE0000001";

    protected FakeClock Clock { get; } = new();

    protected FakeCmComHost Host { get; private set; } = null!;

    protected CmComClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Host = FakeCmComHost.CreateInMemory(new FakeCmComHostOptions { TimeProvider = Clock });
        var options = new CmComClientOptions { BaseAddress = Host.BaseAddress, ApiKey = Host.ApiKey!, Terminal = Terminal };
        options.Retry.BaseDelay = TimeSpan.Zero; // GET retries at once: the clock moves only for the terminal and latency
        Client = new CmComClient(options, Host.CreateHandler(), Clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
