using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Sunbay.Client.Http;

namespace Sunbay.Client.DependencyInjection;

/// <summary>
/// The part of registering a named client that every provider shares: the registry of names, the clock, one breaker per
/// client, and the client's <see cref="HttpClient"/> registration (pooled primary handler that never follows redirects,
/// no inherited resilience handler, no per-request logging). Provider-neutral: the registry and the breakers are keyed by
/// the client's <see cref="HttpClient"/> name, which starts with its provider's prefix.
/// </summary>
internal static class ClientRegistration
{
    /// <summary>Registers the shared services and the <see cref="HttpClient"/> of client <paramref name="name"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="httpClientNamePrefix">The start of the names of this provider's <see cref="HttpClient"/> registrations.</param>
    /// <param name="logRemoved">Logs an inherited resilience handler removed from the client (services, name, handler type).</param>
    /// <returns>The <see cref="HttpClient"/> registration, and whether <paramref name="name"/> was registered for the first time.</returns>
    public static (IHttpClientBuilder Http, bool IsNew) Add(IServiceCollection services, string name, string httpClientNamePrefix, Action<IServiceProvider, string, string> logRemoved)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);

        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(ClientRegistry))?.ImplementationInstance as ClientRegistry;
        if (registry is null)
        {
            registry = new ClientRegistry();
            services.AddSingleton(registry);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CallBreakers(sp.GetRequiredService<TimeProvider>()));
        // One registry, breaker set and filter per container for every provider (the core is one assembly): names are
        // the HttpClient names, so SUNBAY's "default" and CM.com's "default" stay two clients with two breakers.
        if (!services.Any(d => d.ImplementationInstance is PrimaryHandlerFilter filter && filter.HttpClientNamePrefix == httpClientNamePrefix))
        {
            services.AddSingleton<IHttpMessageHandlerBuilderFilter>(new PrimaryHandlerFilter(httpClientNamePrefix));
        }

        var http = services.AddHttpClient(httpClientNamePrefix + name);
        var isNew = registry.Add(httpClientNamePrefix + name);
        if (isNew)
        {
            http.ConfigurePrimaryHttpMessageHandler(PipelineHttp.CreatePrimaryHandler)
                // Resilience handlers registered before this point come from ConfigureHttpClientDefaults: they would retry
                // payments, so the client drops them. Ones added after registration fail at the client's first resolution.
                .ConfigureAdditionalHttpMessageHandlers((handlers, sp) => HandlerGuard.RemoveInherited(handlers, type => logRemoved(sp, name, type)))
                // IHttpClientFactory logs every request at Information; the SDK logs each call once, at Debug.
                .RemoveAllLoggers();
        }

        return (http, isNew);
    }
}
