using Microsoft.Extensions.DependencyInjection;

namespace Sunbay.Client.Payments;

/// <summary>
/// The providers of <see cref="ICardPayments"/> a service collection holds: its keyed registrations, whoever made them
/// (this package for <c>sunbay</c>, another package for <c>cm</c>), so that a provider needs no hook of this package.
/// </summary>
internal static class CardPaymentProviders
{
    /// <summary>The names registered, sorted.</summary>
    public static List<string> Registered(IServiceCollection services) =>
        services
            .Where(d => d.IsKeyedService && d.ServiceType == typeof(ICardPayments) && d.ServiceKey is string)
            .Select(d => (string)d.ServiceKey!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The registered key <paramref name="provider"/> names, in any case; <see langword="null"/> when none.</summary>
    public static string? Find(IServiceCollection services, string? provider)
    {
        if (string.IsNullOrWhiteSpace(provider))
        {
            return null;
        }

        var name = provider.Trim();
        var registered = Registered(services);
        return registered.Find(r => string.Equals(r, name, StringComparison.Ordinal))
            ?? registered.Find(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
    }
}
