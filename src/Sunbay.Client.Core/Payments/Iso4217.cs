using System.Collections.Frozen;

namespace Sunbay.Client.Payments;

/// <summary>
/// ISO 4217 List One: the active alphabetic codes and their minor units (decimal places), as published on 2025-05-12.
/// The one place the SDK learns how many decimals a currency has: nothing assumes two.
/// </summary>
/// <remarks>
/// Left out on purpose: the codes whose minor unit ISO gives as "N.A." (XAD, XAG, XAU, XBA, XBB, XBC, XBD, XDR, XPD, XPT,
/// XSU, XTS, XUA, XXX: units of account, precious metals, test and "no currency"), as nothing can be paid in them
/// in minor units; and withdrawn codes (ANG, HRK, CUC, SLL, ZWL, ...). BGN is still listed: ISO withdraws it after
/// Bulgaria's changeover to the euro, and transactions in it can still be reported. Update this table when ISO's
/// maintenance agency publishes an amendment that adds or withdraws a code.
/// </remarks>
internal static class Iso4217
{
    private static readonly FrozenDictionary<string, int> DecimalPlacesByCode = Build(
        (0, "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"),
        (3, "BHD IQD JOD KWD LYD OMR TND"),
        (4, "CLF UYW"),
        (2, "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF "
            + "CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG "
            + "HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR "
            + "MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD "
            + "SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG "
            + "YER ZAR ZMW ZWG"));

    /// <summary>The number of decimal places of <paramref name="code"/> (an upper-case alphabetic code), when it is in the table.</summary>
    public static bool TryGetDecimalPlaces(string code, out int decimalPlaces) =>
        DecimalPlacesByCode.TryGetValue(code, out decimalPlaces);

    /// <summary>Every code of the table (for tests).</summary>
    public static IEnumerable<string> Codes => DecimalPlacesByCode.Keys;

    private static FrozenDictionary<string, int> Build(params (int DecimalPlaces, string Codes)[] groups) =>
        groups
            .SelectMany(g => g.Codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(code => KeyValuePair.Create(code, g.DecimalPlaces)))
            .ToFrozenDictionary(StringComparer.Ordinal);
}
