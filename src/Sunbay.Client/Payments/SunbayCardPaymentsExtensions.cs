namespace Sunbay.Client.Payments;

/// <summary>The provider-neutral view of a SUNBAY client built without dependency injection.</summary>
public static class SunbayCardPaymentsExtensions
{
    /// <summary>
    /// <see cref="ICardPayments"/> over <paramref name="client"/> (provider <c>sunbay</c>): for an application that
    /// builds its client with <c>new SunbayClient(...)</c>. With dependency injection, use
    /// <c>services.AddCardPayments(...)</c> instead, which chooses the provider by configuration.
    /// </summary>
    /// <param name="client">The SUNBAY client; it stays owned by the caller.</param>
    public static ICardPayments AsCardPayments(this SunbayClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new SunbayCardPayments(client, client.TimeProvider, () => client.CurrentOptions.DefaultExpiry);
    }
}
