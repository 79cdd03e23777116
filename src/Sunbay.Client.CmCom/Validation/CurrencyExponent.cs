namespace Sunbay.Client.CmCom.Validation;

/// <summary>How many decimals an amount may have in a currency: its ISO 4217 minor unit.</summary>
internal static class CurrencyExponent
{
    /// <summary>The spec's bound for every currency: <c>Amount.value</c> is at least 0.001, and no ISO 4217 currency has more than three decimals.</summary>
    private const int MostDecimals = 3;

    /// <summary>The number of decimals of <paramref name="currency"/>.</summary>
    /// <remarks>
    /// The one place that knows it. Until Sunbay.Client's <c>Money</c> type and its ISO 4217 table arrive, every currency
    /// gets the spec's bound (three decimals); at that merge this body becomes a call to Money's table, so that EUR then
    /// allows two and JPY none.
    /// </remarks>
    /// <param name="currency">A valid ISO 4217 alphabetic code.</param>
    public static int Of(string currency) => MostDecimals;
}
