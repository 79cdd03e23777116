using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sunbay.Client.Payments;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the provider-neutral <see cref="ICardPayments"/>, served by the provider configuration names.</summary>
public static partial class CardPaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICardPayments"/> as the provider named by <see cref="CardPaymentsOptions.Provider"/> in
    /// <paramref name="configuration"/> (e.g. the section <c>CardPayments</c> with <c>"Provider": "sunbay"</c>). Each
    /// provider package registers its own implementation (<c>AddSunbayClient</c> registers <c>sunbay</c>); an unknown
    /// or unregistered name fails at start-up (<see cref="OptionsValidationException"/>) with the registered names.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding <see cref="CardPaymentsOptions"/>.</param>
    public static IServiceCollection AddCardPayments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCardPaymentsCore().Bind(configuration);
        return services;
    }

    /// <summary>Registers <see cref="ICardPayments"/> as the provider set in code; see <see cref="AddCardPayments(IServiceCollection, IConfiguration)"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    public static IServiceCollection AddCardPayments(this IServiceCollection services, Action<CardPaymentsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddCardPaymentsCore().Configure(configure);
        return services;
    }

    private static OptionsBuilder<CardPaymentsOptions> AddCardPaymentsCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // The validator and the factory read the registrations when the application runs, so that a provider package
        // registered after this call is found.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CardPaymentsOptions>>(new CardPaymentsOptionsValidator(services)));
        services.TryAddSingleton<ICardPayments>(sp =>
        {
            var provider = sp.GetRequiredService<IOptionsMonitor<CardPaymentsOptions>>().CurrentValue.Provider; // validates
            return sp.GetRequiredKeyedService<ICardPayments>(CardPaymentProviders.Find(services, provider)!);
        });
        return services.AddOptions<CardPaymentsOptions>().ValidateOnStart();
    }
}
