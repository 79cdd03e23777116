namespace Sunbay.Client.Payments;

/// <summary>How a card payment or refund ended. Every value is final; there is no value for "not finished yet".</summary>
/// <remarks>Numbered from 1: an outcome that was never filled in (0) is not mistaken for an approval.</remarks>
public enum CardPaymentStatus
{
    /// <summary>Approved: the money moved (SUNBAY <c>SUCCESS</c>; CM.com <c>AUTHORIZED</c> or <c>CLEARED</c> with result <c>APPROVED</c>).</summary>
    Approved = 1,

    /// <summary>Declined by the issuer or the acquirer, or failed: no money moved (SUNBAY <c>FAIL</c>; CM.com result <c>DECLINED</c>).</summary>
    Declined = 2,

    /// <summary>Cancelled before it was paid, by the merchant (<see cref="CardPaymentOperation.CancelAsync"/>) or by the cardholder on the terminal: no money moved.</summary>
    Cancelled = 3,

    /// <summary>Nobody paid in time and the provider closed it: no money moved.</summary>
    Expired = 4,
}
