namespace Sunbay.Client.Payments;

/// <summary>
/// Which provider serves <see cref="ICardPayments"/>: bound from a configuration section (e.g. <c>CardPayments</c>) by
/// <c>services.AddCardPayments(...)</c> and validated at start-up.
/// </summary>
public sealed class CardPaymentsOptions
{
    /// <summary>
    /// The provider's name, as its package registers it: <c>sunbay</c> (<c>AddSunbayClient</c>; a named client
    /// <c>sunbay:{name}</c>), <c>cm</c> (the CM.com package). Case does not matter. Read once, when
    /// <see cref="ICardPayments"/> is first resolved.
    /// </summary>
    public string? Provider { get; set; }
}
