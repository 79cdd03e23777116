using System.Globalization;

namespace Sunbay.Client.Payments;

/// <summary>
/// An amount with its ISO 4217 currency, as it crosses the provider-neutral API: <c>new Money(98.75m, "EUR")</c>.
/// Minor and major units are converted with the currency's own number of decimals (0 for JPY, KRW, ISK, CLP, XOF, ...;
/// 3 for BHD, JOD, KWD, OMR, TND, IQD, LYD; 2 for most others), from ISO 4217's list of active codes: a code that is
/// not in it is refused, never taken to have two decimals.
/// </summary>
/// <remarks>
/// Two values are equal when they have the same currency and the same amount (<c>10.5</c> and <c>10.50</c> EUR are
/// equal). <see langword="default"/> has no currency and is refused wherever an amount is required.
/// </remarks>
public readonly record struct Money
{
    private readonly string? _currency;

    /// <summary>An amount in major units (<c>98.75</c> EUR, <c>1500</c> JPY, <c>1.250</c> KWD).</summary>
    /// <param name="amount">The amount in major units; it may have as many decimals as the currency has, no more.</param>
    /// <param name="currency">An active ISO 4217 alphabetic code (<c>EUR</c>; lower case is accepted and upper-cased).</param>
    /// <exception cref="PaymentsValidationException">
    /// <c>currency</c> is missing or not an active ISO 4217 code; <c>amount</c> has more decimals than the currency
    /// allows, or is too large to count in 64-bit minor units.
    /// </exception>
    public Money(decimal amount, string currency)
    {
        _currency = Normalize(currency, out var decimalPlaces);
        DecimalPlaces = decimalPlaces;
        MinorUnits = ToMinorUnits(amount, _currency, decimalPlaces);
    }

    private Money(long minorUnits, string currency, int decimalPlaces)
    {
        _currency = currency;
        DecimalPlaces = decimalPlaces;
        MinorUnits = minorUnits;
    }

    /// <summary>An amount counted in the currency's minor units (<c>9875</c> EUR cents is 98.75 EUR; <c>1500</c> JPY is 1500 JPY).</summary>
    /// <param name="minorUnits">The amount in minor units.</param>
    /// <param name="currency">An active ISO 4217 alphabetic code.</param>
    /// <exception cref="PaymentsValidationException"><c>currency</c> is missing or not an active ISO 4217 code.</exception>
    public static Money FromMinorUnits(long minorUnits, string currency)
    {
        var code = Normalize(currency, out var decimalPlaces);
        return new Money(minorUnits, code, decimalPlaces);
    }

    /// <summary>The ISO 4217 alphabetic code, upper case; empty for <see langword="default"/>.</summary>
    public string Currency => _currency ?? string.Empty;

    /// <summary>The amount in major units, with the currency's number of decimals at most.</summary>
    public decimal Amount => DecimalPlaces == 0 ? MinorUnits : MinorUnits / Pow10(DecimalPlaces);

    /// <summary>The amount in the currency's minor units (cents for EUR; yen for JPY; fils for KWD).</summary>
    public long MinorUnits { get; }

    /// <summary>The currency's number of decimals (its ISO 4217 minor unit): 0, 2, 3 or 4.</summary>
    public int DecimalPlaces { get; }

    /// <summary>The amount with exactly the currency's decimals and the code, invariant culture: <c>98.75 EUR</c>, <c>1500 JPY</c>.</summary>
    public override string ToString() => _currency is null
        ? "(no amount)"
        : string.Create(CultureInfo.InvariantCulture, $"{Amount.ToString("F" + DecimalPlaces.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)} {_currency}");

    private static string Normalize(string currency, out int decimalPlaces)
    {
        if (string.IsNullOrWhiteSpace(currency))
        {
            throw new PaymentsValidationException(nameof(currency), "is required: an ISO 4217 alphabetic code such as EUR or USD");
        }

        var code = currency.Trim().ToUpperInvariant();
        if (!Iso4217.TryGetDecimalPlaces(code, out decimalPlaces))
        {
            // The code is echoed on purpose (it is no secret): it tells the caller which setting or field is wrong.
            throw new PaymentsValidationException(nameof(currency), $"must be an active ISO 4217 code with minor units (e.g. EUR, USD, JPY); '{Printable(code)}' is not one");
        }

        return code;
    }

    private static long ToMinorUnits(decimal amount, string currency, int decimalPlaces)
    {
        var factor = Pow10(decimalPlaces);
        if (decimal.Round(amount, decimalPlaces) != amount)
        {
            throw new PaymentsValidationException(nameof(amount), $"must have at most {decimalPlaces} decimal place(s) for {currency}; {amount.ToString(CultureInfo.InvariantCulture)} has more");
        }

        // Compared before multiplying: a decimal near its maximum times 1000 would overflow the decimal itself.
        if (Math.Abs(amount) > long.MaxValue / factor)
        {
            throw new PaymentsValidationException(nameof(amount), $"is too large: at most {long.MaxValue / factor} {currency} fits in 64-bit minor units");
        }

        return decimal.ToInt64(amount * factor);
    }

    private static decimal Pow10(int decimalPlaces)
    {
        var factor = 1m;
        for (var i = 0; i < decimalPlaces; i++)
        {
            factor *= 10;
        }

        return factor;
    }

    private static string Printable(string code) => code.Length <= 8 && code.All(char.IsAsciiLetterOrDigit) ? code : "(not a code)";
}
