using Sunbay.Client.CmCom;

namespace Sunbay.Client.Testing;

// The host's client helpers, as FakeSunbayHost's: client options and ready clients that reach this host.
public sealed partial class FakeCmComHost
{
    /// <summary>Points client options at this host: base address, a valid API key and the first terminal.</summary>
    /// <param name="options">The options to fill (e.g. in <c>services.AddCmComClient(o => host.ConfigureClient(o))</c>).</param>
    public void ConfigureClient(CmComClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
        options.Terminal = Terminals.Count == 0 ? null : Terminals[0].Id;
    }

    /// <summary>
    /// A new client configured for this host and running on its <see cref="TimeProvider"/>; dispose it when done. It
    /// goes through <see cref="CreateHandler"/> for an in-memory host and over HTTP for a started one.
    /// </summary>
    /// <param name="configure">Changes to the options after <see cref="ConfigureClient"/> (e.g. polling intervals).</param>
    public CmComClient CreateClient(Action<CmComClientOptions>? configure = null)
    {
        var options = new CmComClientOptions();
        ConfigureClient(options);
        configure?.Invoke(options);
        return new CmComClient(options, primaryHandler: IsListening ? null : CreateHandler(), timeProvider: TimeProvider);
    }
}
