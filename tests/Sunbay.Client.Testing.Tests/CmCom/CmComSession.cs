using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests.CmCom;

/// <summary>A fake CM.com host on a <see cref="FakeClock"/> (in memory, or on loopback) with a caller holding its first key.</summary>
internal sealed class CmComSession : IAsyncDisposable
{
    public CmComSession(Action<FakeCmComHostOptions>? configure = null, bool listen = false)
    {
        var options = new FakeCmComHostOptions { TimeProvider = Clock };
        configure?.Invoke(options);
        Host = listen ? FakeCmComHost.Start(options) : FakeCmComHost.CreateInMemory(options);
        Cm = new CmComCaller(Host);
    }

    public FakeClock Clock { get; } = new();

    public FakeCmComHost Host { get; }

    public CmComCaller Cm { get; }

    public async ValueTask DisposeAsync()
    {
        Cm.Dispose();
        await Host.DisposeAsync();
    }
}
