using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunbay.Client;
using Sunbay.Client.AspNetCore;
using Sunbay.Client.Payments.Durability;
using Sunbay.Client.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services behind <c>MapSunbayWebhooks</c>.</summary>
public static class SunbayWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers webhook verification and processing with options bound from <paramref name="configuration"/>, the
    /// section <c>Sunbay:Webhooks</c> (so <c>Sunbay__Webhooks__Secrets__0</c> sets the first secret). Secrets reload with
    /// the configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="SunbayWebhookOptions"/>.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddSunbayWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSunbayWebhooksCore().Bind(configuration);
        return services;
    }

    /// <summary>Registers webhook verification and processing with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (at least one secret).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddSunbayWebhooks(this IServiceCollection services, Action<SunbayWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSunbayWebhooksCore().Configure(configure);
        return services;
    }

    /// <remarks>
    /// Defaults are added with TryAdd: register a shared <see cref="IWebhookDeduplicationStore"/> or
    /// <see cref="ITransactionNotificationBus"/> (e.g. with <c>AddPaymentsRedis</c>) before or after this call, and the
    /// notification bus is the same one <c>AddSunbayClient</c> uses, so webhooks complete its operations.
    /// </remarks>
    private static OptionsBuilder<SunbayWebhookOptions> AddSunbayWebhooksCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SunbayWebhookOptions>, SunbayWebhookOptionsValidator>());
        services.TryAddSingleton(sp => new SunbayWebhookVerifier(sp.GetRequiredService<IOptionsMonitor<SunbayWebhookOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IWebhookDeduplicationStore>(sp => new InMemoryWebhookDeduplicationStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ITransactionNotificationBus, InProcessTransactionNotificationBus>();
        services.TryAddSingleton(sp => new SunbayWebhookProcessor(
            sp.GetRequiredService<SunbayWebhookVerifier>(),
            sp.GetRequiredService<IWebhookDeduplicationStore>(),
            sp.GetRequiredService<ITransactionNotificationBus>(),
            sp.GetRequiredService<IOptionsMonitor<SunbayWebhookOptions>>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<SunbayWebhookProcessor>>(),
            sp.GetService<IHostApplicationLifetime>(),
            () => sp.GetService<CardPaymentRecovery>()));
        return services.AddOptions<SunbayWebhookOptions>().ValidateOnStart();
    }
}
