using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunbay.Client;
using Sunbay.Client.DependencyInjection;
using Sunbay.Client.Http;
using Sunbay.Client.Notifications;
using Sunbay.Client.Payments;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Sunbay clients in a service collection.</summary>
public static class SunbayServiceCollectionExtensions
{
    /// <summary>Registers the default <see cref="ISunbayClient"/> with options bound from <paramref name="configuration"/> (e.g. the section <c>Sunbay</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding <see cref="SunbayClientOptions"/>.</param>
    public static ISunbayClientBuilder AddSunbayClient(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSunbayClient(Options.Options.DefaultName, configuration);

    /// <summary>Registers the default <see cref="ISunbayClient"/> with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    public static ISunbayClientBuilder AddSunbayClient(this IServiceCollection services, Action<SunbayClientOptions> configure) =>
        services.AddSunbayClient(Options.Options.DefaultName, configure);

    /// <summary>Registers a named client (resolve it with <see cref="ISunbayClientFactory"/>) with options bound from <paramref name="configuration"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name, e.g. a store or merchant.</param>
    /// <param name="configuration">The configuration section holding <see cref="SunbayClientOptions"/>.</param>
    public static ISunbayClientBuilder AddSunbayClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddSunbayClientCore(name);
        services.AddOptions<SunbayClientOptions>(name).Bind(configuration);
        return builder;
    }

    /// <summary>Registers a named client (resolve it with <see cref="ISunbayClientFactory"/>) with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name, e.g. a store or merchant.</param>
    /// <param name="configure">Sets the options.</param>
    public static ISunbayClientBuilder AddSunbayClient(this IServiceCollection services, string name, Action<SunbayClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddSunbayClientCore(name);
        services.AddOptions<SunbayClientOptions>(name).Configure(configure);
        return builder;
    }

    private static SunbayClientBuilder AddSunbayClientCore(this IServiceCollection services, string name)
    {
        var (http, isNew) = ClientRegistration.Add(services, name, SunbayClientFactory.HttpClientNamePrefix, LogRemoved);
        services.TryAddSingleton<ITransactionNotificationBus, InProcessTransactionNotificationBus>();
        services.TryAddSingleton(sp => new TransactionWaiters(sp.GetRequiredService<ITransactionNotificationBus>()));
        services.TryAddSingleton<ISunbayRequestSigner>(BearerRequestSigner.Instance);
        services.TryAddSingleton<ISunbayClientFactory>(sp => new SunbayClientFactory(sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SunbayClientOptions>, SunbayClientOptionsValidator>());
        if (isNew)
        {
            if (name.Length == 0)
            {
                services.TryAddSingleton(sp => sp.GetRequiredService<ISunbayClientFactory>().CreateClient(string.Empty));
            }

            // The provider-neutral view of this client, found by AddCardPayments under "sunbay" (or "sunbay:{name}"); its
            // settings are validated at start-up unless AddCardPayments chose another provider.
            services.AddCardPaymentsProvider(
                SunbayCardPayments.KeyOf(name),
                sp => new SunbayCardPayments(
                    sp.GetRequiredService<ISunbayClientFactory>().CreateClient(name),
                    sp.GetRequiredService<TimeProvider>(),
                    () => sp.GetRequiredService<IOptionsMonitor<SunbayClientOptions>>().Get(name).DefaultExpiry),
                sp => sp.GetRequiredService<IOptionsMonitor<SunbayClientOptions>>().Get(name));
        }

        return new SunbayClientBuilder(name, services, http);
    }

    private static void LogRemoved(IServiceProvider services, string name, string handlerType)
    {
        if (services.GetService<ILoggerFactory>()?.CreateLogger<SunbayClient>() is { } logger)
        {
            Sunbay.Client.Telemetry.Log.InheritedResilienceRemoved(logger, name, handlerType);
        }
    }

    private sealed record SunbayClientBuilder(string Name, IServiceCollection Services, IHttpClientBuilder HttpClient) : ISunbayClientBuilder;
}
