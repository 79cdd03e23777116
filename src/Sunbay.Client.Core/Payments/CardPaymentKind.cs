namespace Sunbay.Client.Payments;

/// <summary>Whether an operation takes money from the card or gives it back.</summary>
/// <remarks>Numbered from 1: a value that was never filled in (0) is neither.</remarks>
public enum CardPaymentKind
{
    /// <summary>A purchase: the cardholder pays (SUNBAY <c>SALE</c>; CM.com <c>PURCHASE</c>).</summary>
    Payment = 1,

    /// <summary>A refund to the card, referenced to an earlier payment or not (SUNBAY and CM.com <c>REFUND</c>).</summary>
    Refund = 2,
}
