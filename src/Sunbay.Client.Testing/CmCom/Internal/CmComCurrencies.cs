using System.Globalization;

namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// How many decimals an amount may have in its currency (ISO 4217 minor units): the fake refuses <c>98.755 EUR</c>,
/// which no card can be charged. Currencies not listed have 2.
/// </summary>
internal static class CmComCurrencies
{
    private static readonly Dictionary<string, int> MinorUnits = new(StringComparer.Ordinal)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    };

    /// <summary>The problem, or null when <paramref name="value"/> has no more decimals than <paramref name="currency"/> allows.</summary>
    public static string? CheckDecimals(decimal value, string currency)
    {
        var allowed = MinorUnits.GetValueOrDefault(currency, 2);

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
