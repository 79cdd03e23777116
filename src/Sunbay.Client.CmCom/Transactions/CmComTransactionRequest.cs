using Sunbay.Client.CmCom.Validation;
using Sunbay.Client.CmCom.Wire;

namespace Sunbay.Client.CmCom;

/// <summary>
/// What every CM.com transaction is started with: the merchant's order reference, the amount in major units with its
/// currency, and the terminal. Maps itself to the wire; every rule is checked before anything is sent, naming the field.
/// </summary>
public abstract record CmComTransactionRequest
{
    private protected CmComTransactionRequest()
    {
    }

    /// <summary>
    /// The merchant's order reference, required: 1 to 64 of letters, digits, <c>.</c>, <c>_</c> and <c>-</c>, e.g.
    /// <c>inv2112280004</c>. Use a new one for every attempt and store it before starting: after a lost answer it is the
    /// only way to find the transaction (CM.com does not make it unique).
    /// </summary>
    public required string MerchantOrderReference { get; init; }

    /// <summary>
    /// The amount in major units, e.g. <c>98.75</c>: positive, below a billion, with at most as many decimals as
    /// <see cref="Currency"/> has minor units. Sent exactly (a <see cref="decimal"/>, never a binary double).
    /// </summary>
    public required decimal Amount { get; init; }

    /// <summary>ISO 4217 alphabetic currency code, three upper-case letters, e.g. <c>EUR</c>.</summary>
    public required string Currency { get; init; }

    /// <summary>
    /// The terminal, <c>{manufacturer}-{model}-{serial}</c> as it reports it; <see langword="null"/> for the configured
    /// <see cref="CmComClientOptions.Terminal"/>. Blank is an error.
    /// </summary>
    public string? TerminalId { get; init; }

    /// <summary>What this request starts.</summary>
    internal abstract CmComTransactionType Type { get; }

    /// <summary>The purchase a referenced refund pays back.</summary>
    internal virtual string? ReferencedPurchaseId => null;

    /// <summary>The wire body, after the spec's rules and the currency's decimals were checked.</summary>
    internal TransactionRequest ToWire()
    {
        var wire = new TransactionRequest
        {
            Type = Type.Value,
            MerchantOrderReference = MerchantOrderReference,
            Amount = new Amount { Value = Amount, Currency = Currency },
            Reference = ReferencedPurchaseId is { } purchaseId ? new TransactionReference { Id = purchaseId } : null,
        };
        CmComRules.Body(wire);
        CmComRules.Decimals(Amount, Currency);
        return wire;
    }
}
