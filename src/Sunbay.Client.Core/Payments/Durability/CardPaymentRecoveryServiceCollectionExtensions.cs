using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunbay.Client.Payments;
using Sunbay.Client.Payments.Durability;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the journal of card payments in flight and the service that recovers them.</summary>
public static class CardPaymentRecoveryServiceCollectionExtensions
{
    /// <summary>
    /// Puts the payment journal in front of <see cref="ICardPayments"/> (registered by <c>AddCardPayments</c>, before
    /// or after this call): every start gets an idempotency key and a journal entry written before the request leaves,
    /// one key is one request, and the entry is closed when its outcome is delivered. The store is
    /// <see cref="InMemoryPaymentJournalStore"/> unless an <see cref="IPaymentJournalStore"/> is registered (Redis:
    /// <c>AddPaymentsRedis</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the journal's options; optional.</param>
    public static IServiceCollection AddCardPaymentJournal(this IServiceCollection services, Action<CardPaymentJournalOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CardPaymentJournalOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(JournaledCardPayments)))
        {
            return services;
        }

        services.TryAddSingleton<IPaymentJournalStore>(sp => new InMemoryPaymentJournalStore(sp.GetService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            // The provider AddCardPayments chose, as it chooses it: by the configured name among the keyed registrations.
            var provider = sp.GetRequiredService<IOptionsMonitor<CardPaymentsOptions>>().CurrentValue.Provider;
            var inner = sp.GetRequiredKeyedService<ICardPayments>(CardPaymentProviders.Find(services, provider)
                ?? throw new InvalidOperationException("The payment journal needs AddCardPayments(...) naming a registered provider."));
            Func<CardPaymentResolution, CancellationToken, Task>? handler = null;
            if (services.Any(d => d.ServiceType == typeof(ICardPaymentOutcomeHandler)))
            {
                handler = async (resolution, cancellationToken) =>
                {
                    var scope = sp.CreateAsyncScope();
                    await using (scope.ConfigureAwait(false))
                    {
                        await scope.ServiceProvider.GetRequiredService<ICardPaymentOutcomeHandler>().HandleAsync(resolution, cancellationToken).ConfigureAwait(false);
                    }
                };
            }

            var journal = new PaymentJournal(
                sp.GetRequiredService<IPaymentJournalStore>(),
                sp.GetRequiredService<IOptions<CardPaymentJournalOptions>>().Value,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetService<ILoggerFactory>()?.CreateLogger<CardPaymentRecovery>(),
                handler);
            return new JournaledCardPayments(inner, journal);
        });
        services.AddSingleton(sp => new CardPaymentRecovery(sp.GetRequiredService<JournaledCardPayments>()));
        services.Replace(ServiceDescriptor.Singleton<ICardPayments>(sp => sp.GetRequiredService<JournaledCardPayments>()));
        return services;
    }

    /// <summary>
    /// The journal (<see cref="AddCardPaymentJournal"/>), <typeparamref name="THandler"/> as the application's one
    /// "payment finished" handler, and a hosted service that resolves every open entry at start-up and then every
    /// <see cref="CardPaymentJournalOptions.RecoveryInterval"/>, delivering each outcome once across all instances that
    /// share the journal's store.
    /// </summary>
    /// <typeparam name="THandler">The outcome handler, resolved in a scope of its own per delivery.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the journal's options; optional.</param>
    public static IServiceCollection AddCardPaymentRecovery<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services, Action<CardPaymentJournalOptions>? configure = null)
        where THandler : class, ICardPaymentOutcomeHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<ICardPaymentOutcomeHandler, THandler>();
        services.AddCardPaymentJournal(configure);
        services.AddHostedService(sp => new CardPaymentRecoveryService(
            () => sp.GetRequiredService<CardPaymentRecovery>(),
            sp.GetRequiredService<IOptions<CardPaymentJournalOptions>>().Value,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<CardPaymentRecovery>>()));
        return services;
    }
}
