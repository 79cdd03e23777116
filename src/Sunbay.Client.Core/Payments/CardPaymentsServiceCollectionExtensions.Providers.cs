using Sunbay.Client.Payments;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>What a provider package calls to offer <see cref="ICardPayments"/>.</summary>
public static partial class CardPaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers provider <paramref name="provider"/> of <see cref="ICardPayments"/> (a keyed singleton under that name,
    /// which <c>AddCardPayments</c> finds) and the start-up check of its settings. The check runs when the application
    /// starts unless <c>AddCardPayments</c> names another provider: an application that registers two providers and
    /// configures one must not need the settings of the other. A client whose check was skipped is still validated
    /// when it is first resolved.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="provider">The provider's name as configured, e.g. <c>sunbay</c>, <c>cm</c>, or <c>sunbay:{client name}</c>.</param>
    /// <param name="factory">Builds the provider's <see cref="ICardPayments"/> when it is first resolved.</param>
    /// <param name="validateOnStart">
    /// Validates the provider's settings at start-up, throwing <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>
    /// when they are invalid (typically <c>sp.GetRequiredService&lt;IOptionsMonitor&lt;TOptions&gt;&gt;().Get(name)</c>).
    /// </param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddCardPaymentsProvider(this IServiceCollection services, string provider, Func<IServiceProvider, ICardPayments> factory, Action<IServiceProvider> validateOnStart)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(validateOnStart);

        services.AddKeyedSingleton<ICardPayments>(provider, (sp, _) => factory(sp));

        // The options' start-up validator only runs named options: a marker per provider whose creation decides, when
        // the application starts (every registration is made by then), whether this provider's settings are required.
        services.AddOptions<CardPaymentsProviderCheck>(provider)
            .Configure<IServiceProvider>((_, sp) =>
            {
                if (CardPaymentProviders.IsRequired(services, sp, provider))
                {
                    validateOnStart(sp);
                }
            })
            .ValidateOnStart();
        return services;
    }
}
