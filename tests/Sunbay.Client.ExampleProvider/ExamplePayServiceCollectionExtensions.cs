using ExamplePay;
using Sunbay.Client.Pipeline;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Example Pay as a provider of the neutral card payments API.</summary>
public static class ExamplePayServiceCollectionExtensions
{
    /// <summary>
    /// Registers Example Pay as provider <c>example</c> of <c>ICardPayments</c>: chosen with
    /// <c>CardPayments:Provider = example</c>, beside any other provider.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="client">Builds the client (address, key, handler, clock) when the provider is first resolved.</param>
    /// <param name="polling">How operations wait; the defaults when null.</param>
    public static IServiceCollection AddExamplePay(this IServiceCollection services, Func<IServiceProvider, ExamplePayClient> client, PaymentsPollingOptions? polling = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return services.AddCardPaymentsProvider(
            ExamplePayDialect.Name,
            sp => new ExamplePayCardPayments(client(sp), polling),
            validateOnStart: static _ => { });
    }
}
