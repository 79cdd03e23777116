using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunbay.Client;
using Sunbay.Client.Testing;

namespace Sunbay.Samples.Console;

/// <summary>How to start a <see cref="SampleEnvironment"/>.</summary>
internal sealed class SampleEnvironmentOptions
{
    /// <summary>A fake host to use instead of starting one when no API key is configured (tests); not disposed.</summary>
    public FakeSunbayHost? FakeHost { get; init; }

    /// <summary>Whether to host a webhook receiver (<c>--webhooks</c>); a real environment then needs the notify URL and the secret.</summary>
    public bool Webhooks { get; init; }

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
internal sealed class SampleEnvironment : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly bool _ownsFake;

    private SampleEnvironment(IHost host, FakeSunbayHost? fake, bool ownsFake, WebhookReceiver? receiver, Uri? notifyUrl, string description)
    {
        _host = host;
        Fake = fake;
        _ownsFake = ownsFake;
        Receiver = receiver;
        NotifyUrl = notifyUrl;
        Description = description;
        Client = host.Services.GetRequiredService<ISunbayClient>();
        Options = host.Services.GetRequiredService<IOptionsMonitor<SunbayClientOptions>>().CurrentValue;
    }

    public ISunbayClient Client { get; }

    /// <summary>The client's settings (after validation).</summary>
    public SunbayClientOptions Options { get; }

    /// <summary>The fake host, when the sample runs against one.</summary>
    public FakeSunbayHost? Fake { get; }

    /// <summary>The in-process receiver, when one is hosted.</summary>
    public WebhookReceiver? Receiver { get; }

    /// <summary>The notify URL sent with transactions when a receiver is hosted.</summary>
    public Uri? NotifyUrl { get; }

    /// <summary>One line saying where requests go.</summary>
    public string Description { get; }

    /// <summary>Starts the environment.</summary>
    /// <exception cref="SampleConfigurationException">A setting is missing or wrong; the message names the environment variable.</exception>
    /// <exception cref="OptionsValidationException">The client's settings are invalid.</exception>
    public static async Task<SampleEnvironment> StartAsync(IConfiguration configuration, SampleEnvironmentOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var section = configuration.GetSection("Sunbay");
        var useFake = string.IsNullOrWhiteSpace(section["ApiKey"]);
        var fake = useFake ? options.FakeHost ?? FakeSunbayHost.Start() : null;
        var ownsFake = useFake && options.FakeHost is null;

        // The bus is created here, not by AddSunbayClient, so that the receiver (its own ASP.NET Core host) publishes to the
        // very bus the client's operations wait on.
        var bus = new InProcessTransactionNotificationBus();
        WebhookReceiver? receiver = null;
        IHost? host = null;
        try
        {
            Uri? notifyUrl = null;
            if (options.Webhooks)
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
                        throw new SampleConfigurationException(
                            "Sunbay__Webhooks__Secrets__0 is not set. Webhooks need the webhook signing secret of the application (Copilot/Connect portal, application details; production has its own).");
                    }
                }

                receiver = await WebhookReceiver.StartAsync(secrets, bus, options.WebhookPort ?? (fake is null ? SampleEnvironmentOptions.DefaultWebhookPort : 0), cancellationToken);
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
            var description = fake is not null
                ? $"the embedded FakeSunbayHost at {fake.BaseAddress} (no Sunbay__ApiKey configured: no account or device needed), terminal {resolved.TerminalSn}"
                : $"SUNBAY {(resolved.BaseAddress is null ? resolved.Environment.ToString() : "at")} {resolved.ResolveBaseAddress()}, merchant {resolved.MerchantId}, terminal {resolved.TerminalSn ?? "(none configured)"}";
            return new SampleEnvironment(host, fake, ownsFake, receiver, notifyUrl, description);
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
            throw new SampleConfigurationException(
                $"Sunbay__NotifyUrl is not set. Webhooks from a real environment need a public HTTPS URL that SUNBAY can reach and that is routed to this process (http://127.0.0.1:{SampleEnvironmentOptions.DefaultWebhookPort}{WebhookReceiver.Path} by default), e.g. a tunnel: cloudflared tunnel --url http://127.0.0.1:{SampleEnvironmentOptions.DefaultWebhookPort}");
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new SampleConfigurationException($"Sunbay__NotifyUrl '{configured}' is not an absolute https URL. SUNBAY posts webhooks to public HTTPS URLs only.");
        }

        return url;
    }
}

/// <summary>A setting of the sample is missing or wrong; the message says which and how to fix it.</summary>
internal sealed class SampleConfigurationException(string message) : Exception(message);
