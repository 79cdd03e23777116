using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Sunbay.Client.Payments;

/// <summary>Start-up validation of <see cref="CardPaymentsOptions"/>: the provider must be one a package registered, and the message lists them.</summary>
/// <param name="services">The application's service collection, read when validating (complete by then).</param>
internal sealed class CardPaymentsOptionsValidator(IServiceCollection services) : IValidateOptions<CardPaymentsOptions>
{
    public ValidateOptionsResult Validate(string? name, CardPaymentsOptions options)
    {
        if (CardPaymentProviders.Find(services, options.Provider) is not null)
        {
            return ValidateOptionsResult.Success;
        }

        var registered = CardPaymentProviders.Registered(services);
        var known = registered.Count == 0
            ? "none is registered: call services.AddSunbayClient(...) for \"sunbay\", or the CM.com package's registration for \"cm\", before the application starts"
            : $"registered: {string.Join(", ", registered)}";
        return ValidateOptionsResult.Fail(string.IsNullOrWhiteSpace(options.Provider)
            ? $"CardPayments:Provider is required: the card payment provider to use ({known})."
            : $"CardPayments:Provider '{options.Provider}' is not a registered card payment provider ({known}).");
    }
}
