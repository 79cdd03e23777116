using Sunbay.Client.Payments;

namespace Sunbay.Client.CmCom.Validation;

/// <summary>How many decimals an amount may have in a currency: ISO 4217's minor units, from <see cref="Money"/>'s table.</summary>
internal static class CurrencyExponent
{
    /// <summary>The number of decimals of <paramref name="currency"/>; an unknown code is a validation error naming <c>amount.currency</c>.</summary>
    /// <param name="currency">An ISO 4217 alphabetic code.</param>
    public static int Of(string currency)
    {
        try
        {
            return Money.FromMinorUnits(0, currency).DecimalPlaces;
        }
        catch (PaymentsValidationException ex)
        {
            // The same rule, under the field's name in a CM.com request.
            throw new PaymentsValidationException("amount.currency", ex.Rule);
        }
    }
}
