using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunbay.Client;
using Sunbay.Client.Testing;

namespace Sunbay.Cli;

/// <summary>When the tool hosts a webhook receiver.</summary>
internal enum WebhookMode
{
    /// <summary>No receiver: operations complete by polling.</summary>
    Off,

    /// <summary>A receiver with the fake host, and with a real environment when <c>Sunbay:NotifyUrl</c> is configured (golive).</summary>
    WhenConfigured,
}

/// <summary>How to start a <see cref="CliEnvironment"/>.</summary>
internal sealed class CliEnvironmentOptions
{
    /// <summary>A fake host to use instead of starting one when no API key is configured (tests); not disposed.</summary>
    public FakeSunbayHost? FakeHost { get; init; }

    public WebhookMode Webhooks { get; init; }

    /// <summary>
    /// The command that starts the environment, for messages; when it is not <c>golive</c>, a missing API key is an error
    /// instead of a reason to start an embedded fake host.
    /// </summary>
    public required string Command { get; init; }

    /// <summary>Local port of the receiver; default random with the fake host, <see cref="DefaultWebhookPort"/> otherwise.</summary>
    public int? WebhookPort { get; init; }

    /// <summary>The receiver's port for a real environment, where a tunnel or proxy must know it in advance.</summary>
    public const int DefaultWebhookPort = 5080;
}

/// <summary>
/// Everything a command runs against: the <see cref="ISunbayClient"/> (from configuration, or on an embedded
/// <see cref="FakeSunbayHost"/> when no API key is configured) and, when asked, an in-process webhook receiver whose
/// verified notifications complete the client's waiting operations.
/// </summary>
internal sealed class CliEnvironment : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly bool _ownsFake;

    private CliEnvironment(IHost host, FakeSunbayHost? fake, bool ownsFake, WebhookReceiver? receiver, WebhookInbox? inbox, Uri? notifyUrl, string description, string? fakeKind)
    {
        FakeKind = fakeKind;
        _host = host;
        Fake = fake;
        _ownsFake = ownsFake;
        Receiver = receiver;
        Inbox = inbox;
        NotifyUrl = notifyUrl;
        Description = description;
        Client = host.Services.GetRequiredService<ISunbayClient>();
        Options = host.Services.GetRequiredService<IOptionsMonitor<SunbayClientOptions>>().CurrentValue;
    }

    public ISunbayClient Client { get; }

    /// <summary>The client's settings (after validation).</summary>
    public SunbayClientOptions Options { get; }

    /// <summary>The fake host, when the tool runs against one.</summary>
    public FakeSunbayHost? Fake { get; }

    /// <summary>The in-process receiver, when one is hosted.</summary>
    public WebhookReceiver? Receiver { get; }

    /// <summary>What the receiver saw, when one is hosted.</summary>
    public WebhookInbox? Inbox { get; }

    /// <summary>The notify URL sent with transactions when a receiver is hosted.</summary>
    public Uri? NotifyUrl { get; }

    /// <summary>What kind of fake requests go to (embedded, or a local server), or <see langword="null"/> for SUNBAY itself.</summary>
    public string? FakeKind { get; }

    /// <summary>One line saying where requests go.</summary>
    public string Description { get; }

    /// <summary>Starts the environment.</summary>
    /// <exception cref="CliConfigurationException">A setting is missing or wrong; the message names the environment variable.</exception>
    /// <exception cref="OptionsValidationException">The client's settings are invalid.</exception>
    public static async Task<CliEnvironment> StartAsync(IConfiguration configuration, CliEnvironmentOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var section = configuration.GetSection("Sunbay");
        var useFake = string.IsNullOrWhiteSpace(section["ApiKey"]);
        if (useFake && options.Command != "golive")
        {
            throw new CliConfigurationException(
                $"Sunbay__ApiKey is not set. `sunbay {options.Command}` works on a SUNBAY account: set Sunbay__ApiKey, Sunbay__AppId and Sunbay__MerchantId "
                + "(with Sunbay__Environment=Sandbox for a test key), or run `sunbay fake` in another terminal and set the variables it prints.");
        }

        var fake = useFake ? options.FakeHost ?? FakeSunbayHost.Start() : null;
        var ownsFake = useFake && options.FakeHost is null;
        var hostWebhooks = options.Webhooks == WebhookMode.WhenConfigured && (useFake || !string.IsNullOrWhiteSpace(section["NotifyUrl"]));

        // The bus is created here, not by AddSunbayClient, so that the receiver (its own ASP.NET Core host) publishes to the
        // very bus the client's operations wait on, and so that the inbox subscribes before the client's waiters do.
        var bus = new InProcessTransactionNotificationBus();
        WebhookReceiver? receiver = null;
        WebhookInbox? inbox = null;
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
                        throw new CliConfigurationException(
                            "Sunbay__Webhooks__Secrets__0 is not set. Webhooks need the webhook signing secret of the application (Copilot/Connect portal, application details; production has its own).");
                    }
                }

                inbox = new WebhookInbox();
                receiver = await WebhookReceiver.StartAsync(secrets, bus, inbox, options.WebhookPort ?? (fake is null ? CliEnvironmentOptions.DefaultWebhookPort : 0), cancellationToken);
                notifyUrl ??= receiver.LocalUrl;
            }

            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddConfiguration(configuration);
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None); // a start-up failure is reported once, by SampleApp, with what to fix
            builder.Services.AddSingleton<ITransactionNotificationBus>(bus);
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

            host = builder.Build();
            await host.StartAsync(cancellationToken);
            var resolved = host.Services.GetRequiredService<IOptionsMonitor<SunbayClientOptions>>().CurrentValue;
            var address = resolved.ResolveBaseAddress();
            string? fakeKind = fake is not null
                ? "an embedded FakeSunbayHost (no Sunbay__ApiKey is configured)"
                : address.IsLoopback ? $"a local server at {address} (such as `sunbay fake`), not SUNBAY" : null;
            var description = fake is not null
                ? $"{fakeKind} at {fake.BaseAddress}, terminal {resolved.TerminalSn}"
                : fakeKind is not null
                    ? $"{fakeKind}: merchant {resolved.MerchantId}, terminal {resolved.TerminalSn ?? "(none configured)"}"
                    : $"SUNBAY {(resolved.BaseAddress is null ? resolved.Environment.ToString() : "at")} {address}, merchant {resolved.MerchantId}, terminal {resolved.TerminalSn ?? "(none configured)"}";
            return new CliEnvironment(host, fake, ownsFake, receiver, inbox, notifyUrl, description, fakeKind);
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

    private static Uri ConfiguredNotifyUrl(IConfigurationSection section)
    {
        var configured = section["NotifyUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new CliConfigurationException(
                $"Sunbay__NotifyUrl is not set. Webhooks from a real environment need a public HTTPS URL that SUNBAY can reach and that is routed to this process (http://127.0.0.1:{CliEnvironmentOptions.DefaultWebhookPort}{WebhookReceiver.Path} by default), e.g. a tunnel: cloudflared tunnel --url http://127.0.0.1:{CliEnvironmentOptions.DefaultWebhookPort}");
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new CliConfigurationException($"Sunbay__NotifyUrl '{configured}' is not an absolute https URL. SUNBAY posts webhooks to public HTTPS URLs only.");
        }

        return url;
    }
}
