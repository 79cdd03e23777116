using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunbay.Client;
using Sunbay.Client.Payments;
using Sunbay.Client.Testing;

namespace Sunbay.CommandLine;

/// <summary>When a <see cref="CommandEnvironment"/> hosts a webhook receiver.</summary>
internal enum WebhookMode
{
    /// <summary>No receiver: operations complete by polling.</summary>
    Off,

    /// <summary>Always a receiver; a real environment then needs <c>Sunbay:NotifyUrl</c> and the signing secret.</summary>
    On,

    /// <summary>A receiver with the fake host, and with a real environment when <c>Sunbay:NotifyUrl</c> is configured.</summary>
    WhenConfigured,
}

/// <summary>How to start a <see cref="CommandEnvironment"/>.</summary>
internal sealed class CommandEnvironmentOptions
{
    /// <summary>The receiver's port for a real environment, where a tunnel or proxy must know it in advance.</summary>
    public const int DefaultWebhookPort = 5080;

    /// <summary>A fake host to use instead of starting one when no API key is configured (tests); not disposed.</summary>
    public FakeSunbayHost? FakeHost { get; init; }

    public WebhookMode Webhooks { get; init; }

    /// <summary>Told what the receiver receives, when one is hosted.</summary>
    public IWebhookObserver? WebhookObserver { get; init; }

    /// <summary>Local port of the receiver; default random with the fake host, <see cref="DefaultWebhookPort"/> otherwise.</summary>
    public int? WebhookPort { get; init; }
}

/// <summary>
/// Everything a command runs against: the <see cref="ISunbayClient"/> (from configuration, or on an embedded
/// <see cref="FakeSunbayHost"/> when no API key is configured) and, when asked, an in-process webhook receiver whose
/// verified notifications complete the client's waiting operations.
/// </summary>
internal sealed class CommandEnvironment : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly bool _ownsFake;

    private CommandEnvironment(IHost host, FakeSunbayHost? fake, bool ownsFake, WebhookReceiver? receiver, Uri? notifyUrl, string description, string? fakeKind)
    {
        _host = host;
        _ownsFake = ownsFake;
        Fake = fake;
        Receiver = receiver;
        NotifyUrl = notifyUrl;
        Description = description;
        FakeKind = fakeKind;
        Client = host.Services.GetRequiredService<ISunbayClient>();
        Options = host.Services.GetRequiredService<IOptionsMonitor<SunbayClientOptions>>().CurrentValue;
    }

    public ISunbayClient Client { get; }

    /// <summary>The same client through the provider-neutral API (<c>AddCardPayments</c>, provider <c>sunbay</c>).</summary>
    public ICardPayments Payments => _host.Services.GetRequiredService<ICardPayments>();

    /// <summary>The client's settings (after validation).</summary>
    public SunbayClientOptions Options { get; }

    /// <summary>The embedded fake host, when no API key is configured.</summary>
    public FakeSunbayHost? Fake { get; }

    /// <summary>The in-process receiver, when one is hosted.</summary>
    public WebhookReceiver? Receiver { get; }

    /// <summary>The notify URL sent with transactions when a receiver is hosted.</summary>
    public Uri? NotifyUrl { get; }

    /// <summary>What kind of fake requests go to (embedded, or a local server), or <see langword="null"/> for SUNBAY itself.</summary>
    public string? FakeKind { get; }

    /// <summary>One line saying where requests go.</summary>
    public string Description { get; }

    /// <summary>Whether <paramref name="configuration"/> has an API key; without one the environment is an embedded fake host.</summary>
    public static bool HasApiKey(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Sunbay:ApiKey"]);

    /// <summary>Starts the environment.</summary>
    /// <exception cref="SettingException">A setting is missing or wrong; the message names the environment variable.</exception>
    /// <exception cref="OptionsValidationException">The client's settings are invalid.</exception>
    public static async Task<CommandEnvironment> StartAsync(IConfiguration configuration, CommandEnvironmentOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var section = configuration.GetSection("Sunbay");
        var useFake = !HasApiKey(configuration);
        var fake = useFake ? options.FakeHost ?? FakeSunbayHost.Start() : null;
        var ownsFake = useFake && options.FakeHost is null;
        var hostWebhooks = options.Webhooks == WebhookMode.On
            || (options.Webhooks == WebhookMode.WhenConfigured && (useFake || !string.IsNullOrWhiteSpace(section["NotifyUrl"])));

        // The bus is created here, not by AddSunbayClient, so that the receiver (its own ASP.NET Core host) publishes to the
        // very bus the client's operations wait on.
        var bus = new InProcessTransactionNotificationBus();
        WebhookReceiver? receiver = null;
        IHost? host = null;
        try
        {
            Uri? notifyUrl = null;
            if (hostWebhooks)
            {
                IReadOnlyList<string> secrets;
                if (fake is not null)
                {
                    secrets = fake.WebhookSecrets;
                }
                else
                {
                    notifyUrl = ConfiguredNotifyUrl(section);
                    secrets = section.GetSection("Webhooks:Secrets").Get<string[]>()?.Where(s => !string.IsNullOrWhiteSpace(s)).ToArray() ?? [];
                    if (secrets.Count == 0)
                    {
                        throw new SettingException(
                            "Sunbay__Webhooks__Secrets__0 is not set. Webhooks need the webhook signing secret of the application (Copilot/Connect portal, application details; production has its own).");
                    }
                }

                receiver = await WebhookReceiver.StartAsync(secrets, bus, options.WebhookObserver, options.WebhookPort ?? (fake is null ? CommandEnvironmentOptions.DefaultWebhookPort : 0), cancellationToken);
                notifyUrl ??= receiver.LocalUrl;
            }

            host = BuildHost(configuration, section, bus, fake, notifyUrl);
            await host.StartAsync(cancellationToken);
            var resolved = host.Services.GetRequiredService<IOptionsMonitor<SunbayClientOptions>>().CurrentValue;
            var (description, fakeKind) = Describe(resolved, fake);
            return new CommandEnvironment(host, fake, ownsFake, receiver, notifyUrl, description, fakeKind);
        }
        catch
        {
            host?.Dispose();
            if (receiver is not null)
            {
                await receiver.DisposeAsync();
            }

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
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        if (_ownsFake && Fake is not null)
        {
            await Fake.DisposeAsync();
        }
    }

    private static IHost BuildHost(IConfiguration configuration, IConfigurationSection section, ITransactionNotificationBus bus, FakeSunbayHost? fake, Uri? notifyUrl)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None); // a start-up failure is reported once, with what to fix
        builder.Services.AddSingleton(bus);
        if (fake is not null)
        {
            // Polling, timeouts and retries may still come from configuration; the address and account are the fake's.
            builder.Services.AddSunbayClient(o =>
            {
                section.Bind(o);
                fake.ConfigureClient(o);
            });
        }
        else
        {
            builder.Services.AddSunbayClient(section);
        }

        if (notifyUrl is not null)
        {
            builder.Services.PostConfigure<SunbayClientOptions>(o => o.NotifyUrl = notifyUrl.ToString());
        }

        // The provider-neutral view, as an application chooses it (there from CardPayments:Provider in configuration).
        builder.Services.AddCardPayments(o => o.Provider = "sunbay");
        return builder.Build();
    }

    /// <summary>Where requests go, and what kind of fake that is (a local server such as <c>sunbay fake</c> is not SUNBAY either).</summary>
    private static (string Description, string? FakeKind) Describe(SunbayClientOptions resolved, FakeSunbayHost? fake)
    {
        var address = resolved.ResolveBaseAddress();
        var terminal = resolved.TerminalSn ?? "(none configured)";
        if (fake is not null)
        {
            const string embedded = "an embedded FakeSunbayHost (no Sunbay__ApiKey is configured)";
            return ($"{embedded} at {fake.BaseAddress}, terminal {terminal}", embedded);
        }

        if (address.IsLoopback)
        {
            var local = $"a local server at {address} (such as `sunbay fake`), not SUNBAY";
            return ($"{local}: merchant {resolved.MerchantId}, terminal {terminal}", local);
        }

        return ($"SUNBAY {(resolved.BaseAddress is null ? resolved.Environment.ToString() : "at")} {address}, merchant {resolved.MerchantId}, terminal {terminal}", null);
    }

    private static Uri ConfiguredNotifyUrl(IConfigurationSection section)
    {
        var configured = section["NotifyUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new SettingException(
                $"Sunbay__NotifyUrl is not set. Webhooks from a real environment need a public HTTPS URL that SUNBAY can reach and that is routed to this process (http://127.0.0.1:{CommandEnvironmentOptions.DefaultWebhookPort}{WebhookReceiver.Path} by default), e.g. a tunnel: cloudflared tunnel --url http://127.0.0.1:{CommandEnvironmentOptions.DefaultWebhookPort}");
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new SettingException($"Sunbay__NotifyUrl '{configured}' is not an absolute https URL. SUNBAY posts webhooks to public HTTPS URLs only.");
        }

        return url;
    }
}
