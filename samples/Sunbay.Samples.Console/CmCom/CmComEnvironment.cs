using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunbay.Client.CmCom;
using Sunbay.Client.Payments;
using Sunbay.Client.Testing;

namespace Sunbay.Samples.Console;

/// <summary>
/// What the CM.com commands run against: an <see cref="ICmComClient"/> registered the way an application does
/// (<c>AddCmComClient(configuration.GetSection("CmCom"))</c>), or on an embedded <see cref="FakeCmComHost"/> when no
/// <c>CmCom:ApiKey</c> is configured.
/// </summary>
internal sealed class CmComEnvironment : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly bool _ownsFake;

    private CmComEnvironment(IHost host, FakeCmComHost? fake, bool ownsFake, string terminal, string description, bool isCmCom)
    {
        _host = host;
        _ownsFake = ownsFake;
        Fake = fake;
        Terminal = terminal;
        Description = description;
        IsCmCom = isCmCom;
        Client = host.Services.GetRequiredService<ICmComClient>();
    }

    public ICmComClient Client { get; }

    /// <summary>The same client through the provider-neutral API (<c>AddCardPayments</c>, provider <c>cm</c>).</summary>
    public ICardPayments Payments => _host.Services.GetRequiredService<ICardPayments>();

    /// <summary>How long a start whose answer was lost is looked for (<c>CmCom:Polling:NotReceivedAfter</c>).</summary>
    public TimeSpan NotReceivedAfter => _host.Services.GetRequiredService<IOptionsMonitor<CmComClientOptions>>().CurrentValue.Polling.NotReceivedAfter;

    /// <summary>The embedded fake host, when no API key is configured.</summary>
    public FakeCmComHost? Fake { get; }

    /// <summary>The terminal the commands use: <c>--terminal</c>, else <c>CmCom:Terminal</c>, else the fake's.</summary>
    public string Terminal { get; }

    /// <summary>One line saying where requests go (never the key).</summary>
    public string Description { get; }

    /// <summary>Whether requests go to CM.com itself rather than to a fake.</summary>
    public bool IsCmCom { get; }

    /// <summary>Starts the environment.</summary>
    /// <param name="configuration">The sample's configuration (section <c>CmCom</c>).</param>
    /// <param name="terminalOption">The <c>--terminal</c> option, if given.</param>
    /// <param name="fake">A fake host to use instead of starting one when no API key is configured (tests); not disposed.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <exception cref="SettingException">No terminal is configured.</exception>
    /// <exception cref="OptionsValidationException">The client's settings are invalid.</exception>
    public static async Task<CmComEnvironment> StartAsync(IConfiguration configuration, string? terminalOption, FakeCmComHost? fake, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("CmCom");
        var useFake = string.IsNullOrWhiteSpace(section["ApiKey"]);
        var ownsFake = useFake && fake is null;
        fake = useFake ? fake ?? StartFake() : null;
        IHost? host = null;
        try
        {
            var terminal = terminalOption ?? section["Terminal"] ?? fake?.Terminals[0].Id
                ?? throw new SettingException("CmCom__Terminal is not set (nor --terminal). Give the terminal id {manufacturer}-{model}-{serial} its app shows under System report, e.g. SUNMI-P2lite-PL0919CQ00305.");
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddConfiguration(configuration);
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None); // a start-up failure is reported once, with what to fix
            if (fake is null)
            {
                builder.Services.AddCmComClient(section);
            }
            else
            {
                var embedded = fake;
                builder.Services.AddCmComClient(o =>
                {
                    o.Polling.InitialInterval = TimeSpan.FromMilliseconds(500); // the fake's terminal is quick; configuration may still say otherwise
                    section.Bind(o);
                    o.BaseAddress = embedded.BaseAddress;
                    o.ApiKey = embedded.ApiKey;
                });
            }

            builder.Services.PostConfigure<CmComClientOptions>(o => o.Terminal = terminal);

            // The provider-neutral view, as an application chooses it (there from CardPayments:Provider in configuration).
            builder.Services.AddCardPayments(o => o.Provider = "cm");
            host = builder.Build();
            await host.StartAsync(cancellationToken);
            var address = host.Services.GetRequiredService<IOptionsMonitor<CmComClientOptions>>().CurrentValue.BaseAddress;
            var (description, isCmCom) = fake is not null
                ? ($"an embedded FakeCmComHost (no CmCom__ApiKey is configured) at {fake.BaseAddress}, terminal {terminal}", false)
                : address is { IsLoopback: true }
                    ? ($"a local server at {address}, not CM.com: terminal {terminal}", false)
                    : ($"CM.com at {address}, terminal {terminal}", true);
            return new CmComEnvironment(host, fake, ownsFake, terminal, description, isCmCom);
        }
        catch
        {
            host?.Dispose();
            if (ownsFake && fake is not null)
            {
                await fake.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (_ownsFake && Fake is not null)
        {
            await Fake.DisposeAsync();
        }
    }

    /// <summary>A fake on loopback, in real time: a terminal that picks up in a second and a cardholder as quick.</summary>
    private static FakeCmComHost StartFake() => FakeCmComHost.Start(new FakeCmComHostOptions
    {
        PickUpDelay = TimeSpan.FromSeconds(1),
        CardPresentDelay = TimeSpan.FromSeconds(1),
        AuthorizationDelay = TimeSpan.FromMilliseconds(500),
        ClearingDelay = TimeSpan.FromMilliseconds(500),
    });
}
