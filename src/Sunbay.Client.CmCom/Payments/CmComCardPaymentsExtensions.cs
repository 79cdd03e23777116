using Sunbay.Client.CmCom;
using Sunbay.Client.CmCom.Payments;

namespace Sunbay.Client.Payments;

/// <summary>The provider-neutral view of a CM.com client built without dependency injection.</summary>
public static class CmComCardPaymentsExtensions
{
    /// <summary>
    /// <see cref="ICardPayments"/> over <paramref name="client"/> (provider <c>cm</c>): for an application that builds
    /// its client with <c>new CmComClient(...)</c>. With dependency injection, use <c>services.AddCardPayments(...)</c>
    /// instead, which chooses the provider by configuration.
    /// </summary>
    /// <param name="client">The CM.com client; it stays owned by the caller.</param>
    public static ICardPayments AsCardPayments(this CmComClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new CmComCardPayments(client);
    }
}
