using System.Globalization;
using Sunbay.Client.Payments;

namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// How many decimals an amount may have in its currency (ISO 4217 minor units, from the one table the SDK keeps, so the
/// fake and the client never disagree): the fake refuses <c>98.755 EUR</c>, which no card can be charged, and a code
/// that is not an active ISO 4217 currency.
/// </summary>
internal static class CmComCurrencies
{
    /// <summary>The problem, or null when <paramref name="value"/> has no more decimals than <paramref name="currency"/> allows.</summary>
    public static string? CheckDecimals(decimal value, string currency)
    {
        int allowed;
        try
        {
            allowed = Money.FromMinorUnits(0, currency).DecimalPlaces;
        }
        catch (PaymentsValidationException)
        {
            return $"amount.currency must be an active ISO 4217 code with minor units (was {currency}).";
        }

        // The decimals the value needs: 98.750 needs 2, trailing zeros are no extra precision.
        var needed = 0;
        for (var v = Math.Abs(value); v != decimal.Truncate(v) && needed <= allowed; v *= 10)
        {
            needed++;
        }

        return needed <= allowed ? null
            : string.Create(CultureInfo.InvariantCulture, $"amount.value has more decimals than {currency} allows ({allowed}).");
    }
}
