using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sunbay.Client.Http;
using Sunbay.Client.Notifications;

namespace Sunbay.Client.DependencyInjection;

/// <summary>Creates each named client once, over its own <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>.</summary>
internal sealed class SunbayClientFactory(IServiceProvider services) : ISunbayClientFactory
{
    private readonly ConcurrentDictionary<string, Lazy<SunbayClient>> _clients = new(StringComparer.Ordinal);

    public ISunbayClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (services.GetService<ClientRegistry>() is { } registry && !registry.Contains(HttpClientName(name)))
        {
            throw new InvalidOperationException($"No Sunbay client named '{name}' is registered; call services.AddSunbayClient(\"{name}\", ...).");
        }

        return _clients.GetOrAdd(name, n => new Lazy<SunbayClient>(() => Create(n))).Value;
    }

    /// <summary>The start of the name of every Sunbay client's <see cref="HttpClient"/> registration.</summary>
    internal const string HttpClientNamePrefix = "Sunbay.Client:";

    internal static string HttpClientName(string name) => HttpClientNamePrefix + name;

    private SunbayClient Create(string name)
    {
        var monitor = services.GetRequiredService<IOptionsMonitor<SunbayClientOptions>>();
        _ = monitor.Get(name); // validates now, with the setting's name in the message

        HandlerGuard.EnsureNoResilienceHandler(services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName(name)), name, "Sunbay", nameof(SunbayClientOptions));
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName(name));
        var logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<SunbayClient>();
        var time = services.GetRequiredService<TimeProvider>();
        var pipeline = new SunbayPipeline(name, http, monitor, time, logger, services.GetRequiredService<ISunbayRequestSigner>(), services.GetRequiredService<CallBreakers>().For(HttpClientName(name)), ownsHttp: false);
        return new SunbayClient(pipeline, services.GetRequiredService<TransactionWaiters>());
    }
}
