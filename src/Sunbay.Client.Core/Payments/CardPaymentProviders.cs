using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// Whether the settings of <paramref name="provider"/> are required at start-up: always, unless <c>AddCardPayments</c>
    /// was called and its configured provider is another registered one. When the configured name is missing or
    /// unknown, every provider is checked (that error is reported too).
    /// </summary>
    public static bool IsRequired(IServiceCollection services, IServiceProvider serviceProvider, string provider)
    {
        var neutral = services.Any(d => !d.IsKeyedService && d.ServiceType == typeof(IValidateOptions<CardPaymentsOptions>) && d.ImplementationInstance is CardPaymentsOptionsValidator);
        if (!neutral)
        {
            // Without AddCardPayments every client is one the application resolves itself.
            return true;
        }

        string? configured;
        try
        {
            configured = serviceProvider.GetRequiredService<IOptionsMonitor<CardPaymentsOptions>>().CurrentValue.Provider;
        }
        catch (OptionsValidationException)
        {
            return true;
        }

        return Find(services, configured) is not { } chosen || string.Equals(chosen, provider, StringComparison.Ordinal);
    }
}
