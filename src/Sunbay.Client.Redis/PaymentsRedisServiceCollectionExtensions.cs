using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Sunbay.Client;
using Sunbay.Client.Payments.Durability;
using Sunbay.Client.Redis;
using Sunbay.Client.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the Redis payment journal (every provider), and SUNBAY's webhook de-duplication store and notification bus.
/// Named for the payments it keeps, not for one provider: a CM.com-only app calls it for its journal too.
/// </summary>
public static class PaymentsRedisServiceCollectionExtensions
{
    /// <summary>
    /// Makes webhooks work across instances: <see cref="ITransactionNotificationBus"/> becomes
    /// <see cref="RedisTransactionNotificationBus"/> and <see cref="IWebhookDeduplicationStore"/> becomes
    /// <see cref="RedisWebhookDeduplicationStore"/>, and the payment journal (<c>AddCardPaymentRecovery</c>) is kept in
    /// <see cref="RedisPaymentJournalStore"/>, whether <c>AddSunbayClient</c>, <c>AddSunbayWebhooks</c> and
    /// <c>AddCardPaymentRecovery</c> are called before or after (a store of your own registered after this call wins). Connects with a new <see cref="ConnectionMultiplexer"/> unless an
    /// <see cref="IConnectionMultiplexer"/> is already registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>.</param>
    /// <param name="configure">Changes channel and key names; optional.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddPaymentsRedis(this IServiceCollection services, string configuration, Action<PaymentsRedisOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        return services.AddPaymentsRedis(_ => ConnectionMultiplexer.Connect(configuration), configure);
    }

    /// <summary>As <see cref="AddPaymentsRedis(IServiceCollection, string, Action{PaymentsRedisOptions})"/>, with the connection made by <paramref name="connect"/> (used only if no <see cref="IConnectionMultiplexer"/> is registered).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connect">Creates the Redis connection.</param>
    /// <param name="configure">Changes channel and key names; optional.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddPaymentsRedis(this IServiceCollection services, Func<IServiceProvider, IConnectionMultiplexer> connect, Action<PaymentsRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connect);
        var options = new PaymentsRedisOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(connect);
        services.Replace(ServiceDescriptor.Singleton<ITransactionNotificationBus>(sp => new RedisTransactionNotificationBus(
            sp.GetRequiredService<IConnectionMultiplexer>(), options.ChannelName, sp.GetService<ILogger<RedisTransactionNotificationBus>>())));
        services.Replace(ServiceDescriptor.Singleton<IWebhookDeduplicationStore>(sp => new RedisWebhookDeduplicationStore(
            sp.GetRequiredService<IConnectionMultiplexer>(), options.KeyPrefix)));
        services.Replace(ServiceDescriptor.Singleton<IPaymentJournalStore>(sp => new RedisPaymentJournalStore(
            sp.GetRequiredService<IConnectionMultiplexer>(), options.JournalKeyPrefix)));
        return services;
    }
}
