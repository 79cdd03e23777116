namespace Sunbay.Client.Payments;

/// <summary>What a cancel achieved; <see cref="CardCancelResult.Outcome"/> says how the operation really ended.</summary>
/// <remarks>Numbered from 1: a value that was never filled in (0) is neither.</remarks>
public enum CardCancelStatus
{
    /// <summary>The operation ended cancelled: no money moved.</summary>
    Cancelled = 1,

    /// <summary>
    /// Too late: the operation had already ended, or the cardholder had already presented the card. The outcome may be
    /// <see cref="CardPaymentStatus.Approved"/>: then the money moved, and a refund is what gives it back.
    /// </summary>
    TooLate = 2,
}
