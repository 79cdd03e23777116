namespace Sunbay.Client.Payments;

/// <summary>
/// The start-up check of one provider's settings, as named options (the name is the provider's): creating it validates
/// the provider's settings when the application needs that provider. Holds nothing.
/// </summary>
internal sealed class CardPaymentsProviderCheck
{
}
