using Sunbay.Client.Testing.Internal;

namespace Sunbay.Client.Testing;

// The host's client-factory helpers: client options, ready clients and the in-memory handler that reach this host.
public sealed partial class FakeSunbayHost
{
    /// <summary>Points client options at this host: base address, API key, app ID, merchant ID and the first terminal.</summary>
    /// <param name="options">The options to fill (e.g. in <c>services.AddSunbayClient(o => host.ConfigureClient(o))</c>).</param>
    public void ConfigureClient(SunbayClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
        options.AppId = AppId;
        options.MerchantId = MerchantId;
        options.TerminalSn = _engine.Terminals.FirstOrDefault()?.Sn;
    }

    /// <summary>
    /// A new client configured for this host and running on its <see cref="TimeProvider"/>; dispose it when done. It
    /// goes through <see cref="CreateHandler"/> for an in-memory host and over HTTP for a started one.
    /// </summary>
    /// <param name="configure">Changes to the options after <see cref="ConfigureClient"/> (e.g. polling intervals, a notify URL).</param>
    public SunbayClient CreateClient(Action<SunbayClientOptions>? configure = null)
    {
        var options = new SunbayClientOptions();
        ConfigureClient(options);
        configure?.Invoke(options);
        return new SunbayClient(options, primaryHandler: IsListening ? null : CreateHandler(), timeProvider: TimeProvider);
    }

    /// <summary>
    /// A new <see cref="HttpMessageHandler"/> that serves this host in memory, with no socket: use it as a client's
    /// primary handler (<c>new SunbayClient(options, host.CreateHandler(), clock)</c>, or
    /// <c>builder.HttpClient.ConfigurePrimaryHttpMessageHandler(host.CreateHandler)</c>). The request's host name is
    /// ignored. A fault that drops the connection throws <see cref="HttpRequestException"/> with
    /// <see cref="HttpRequestError.ResponseEnded"/>, as a dropped socket does; cancelling a request the host holds
    /// (injected latency) cancels the caller only, and the host still carries it out. Disposing the handler does not
    /// stop the host.
    /// </summary>
    public HttpMessageHandler CreateHandler() => new FakeInMemoryHandler(AsServer());
}
