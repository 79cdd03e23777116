using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sunbay.Client.CmCom.Http;
using Sunbay.Client.DependencyInjection;

namespace Sunbay.Client.CmCom.DependencyInjection;

/// <summary>Creates each named client once, over its own <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>.</summary>
internal sealed class CmComClientFactory(IServiceProvider services) : ICmComClientFactory
{
    /// <summary>The start of the name of every CM.com client's <see cref="HttpClient"/> registration.</summary>
    internal const string HttpClientNamePrefix = "Sunbay.Client.CmCom:";

    private readonly ConcurrentDictionary<string, Lazy<CmComClient>> _clients = new(StringComparer.Ordinal);

    public ICmComClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (services.GetService<ClientRegistry>() is { } registry && !registry.Contains(HttpClientName(name)))
        {
            throw new InvalidOperationException($"No CM.com client named '{name}' is registered; call services.AddCmComClient(\"{name}\", ...).");
        }

        return _clients.GetOrAdd(name, n => new Lazy<CmComClient>(() => Create(n))).Value;
    }

    internal static string HttpClientName(string name) => HttpClientNamePrefix + name;

    private CmComClient Create(string name)
    {
        var monitor = services.GetRequiredService<IOptionsMonitor<CmComClientOptions>>();
        _ = monitor.Get(name); // validates now, with the setting's name in the message

        HandlerGuard.EnsureNoResilienceHandler(services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName(name)), name, "CM.com", nameof(CmComClientOptions));
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName(name));
        var logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<CmComClient>();
        var time = services.GetRequiredService<TimeProvider>();
        return new CmComClient(new CmComPipeline(name, http, monitor, time, logger, services.GetRequiredService<CallBreakers>().For(HttpClientName(name)), ownsHttp: false));
    }
}
