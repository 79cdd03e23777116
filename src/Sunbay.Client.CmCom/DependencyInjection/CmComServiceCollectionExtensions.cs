using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunbay.Client.CmCom;
using Sunbay.Client.CmCom.Configuration;
using Sunbay.Client.CmCom.DependencyInjection;
using Sunbay.Client.CmCom.Payments;
using Sunbay.Client.DependencyInjection;
using Sunbay.Client.Payments;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CM.com clients in a service collection, the same way as <c>AddSunbayClient</c>.</summary>
public static class CmComServiceCollectionExtensions
{
    /// <summary>Registers the default <see cref="ICmComClient"/> with options bound from <paramref name="configuration"/> (e.g. the section <c>CmCom</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding <see cref="CmComClientOptions"/>.</param>
    public static ICmComClientBuilder AddCmComClient(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCmComClient(Options.Options.DefaultName, configuration);

    /// <summary>Registers the default <see cref="ICmComClient"/> with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    public static ICmComClientBuilder AddCmComClient(this IServiceCollection services, Action<CmComClientOptions> configure) =>
        services.AddCmComClient(Options.Options.DefaultName, configure);

    /// <summary>Registers a named client (resolve it with <see cref="ICmComClientFactory"/>) with options bound from <paramref name="configuration"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name, e.g. a merchant.</param>
    /// <param name="configuration">The configuration section holding <see cref="CmComClientOptions"/>.</param>
    public static ICmComClientBuilder AddCmComClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddCmComClientCore(name);
        services.AddOptions<CmComClientOptions>(name).Bind(configuration);
        return builder;
    }

    /// <summary>Registers a named client (resolve it with <see cref="ICmComClientFactory"/>) with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name, e.g. a merchant.</param>
    /// <param name="configure">Sets the options.</param>
    public static ICmComClientBuilder AddCmComClient(this IServiceCollection services, string name, Action<CmComClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddCmComClientCore(name);
        services.AddOptions<CmComClientOptions>(name).Configure(configure);
        return builder;
    }

    private static CmComClientBuilder AddCmComClientCore(this IServiceCollection services, string name)
    {
        var (http, isNew) = ClientRegistration.Add(services, name, CmComClientFactory.HttpClientNamePrefix, LogRemoved);
        services.TryAddSingleton<ICmComClientFactory>(sp => new CmComClientFactory(sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CmComClientOptions>, CmComClientOptionsValidator>());
        if (isNew)
        {
            if (name.Length == 0)
            {
                services.TryAddSingleton(sp => sp.GetRequiredService<ICmComClientFactory>().CreateClient(string.Empty));
            }

            // The provider-neutral view of this client, found by AddCardPayments under "cm" (or "cm:{name}"); its settings
            // are validated at start-up unless AddCardPayments chose another provider.
            services.AddCardPaymentsProvider(
                CmComCardPayments.KeyOf(name),
                sp => new CmComCardPayments(sp.GetRequiredService<ICmComClientFactory>().CreateClient(name)),
                sp => sp.GetRequiredService<IOptionsMonitor<CmComClientOptions>>().Get(name));
        }

        return new CmComClientBuilder(name, services, http);
    }

    private static void LogRemoved(IServiceProvider services, string name, string handlerType)
    {
        if (services.GetService<ILoggerFactory>()?.CreateLogger<CmComClient>() is { } logger)
        {
            Sunbay.Client.CmCom.Telemetry.Log.InheritedResilienceRemoved(logger, name, handlerType);
        }
    }

    private sealed record CmComClientBuilder(string Name, IServiceCollection Services, IHttpClientBuilder HttpClient) : ICmComClientBuilder;
}
