namespace Sunbay.Client.Payments.Durability;

/// <summary>
/// For provider packages: what the payment journal needs beyond <see cref="ICardPayments"/> to keep one meaning of
/// idempotency. Implemented by the SUNBAY (<c>sunbay</c>) and CM.com (<c>cm</c>) providers; a provider without it is
/// journaled too, but an entry whose answer was lost is resolved only once it has an operation ID.
/// </summary>
public interface IRecoverableCardPayments : ICardPayments
{
    /// <summary>
    /// Sends a payment under <see cref="CardPaymentRequest.IdempotencyKey"/> (always set), looking for an earlier attempt
    /// of the key as <paramref name="mode"/> says.
    /// </summary>
    /// <param name="request">The payment, its key set.</param>
    /// <param name="mode">Whether an earlier attempt with the key may exist, and how hard to look for it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<CardPaymentOperation> StartPaymentAsync(CardPaymentRequest request, CardPaymentStartMode mode, CancellationToken cancellationToken);

    /// <summary>As <see cref="StartPaymentAsync(CardPaymentRequest, CardPaymentStartMode, CancellationToken)"/>, for a refund.</summary>
    /// <param name="request">The refund, its key set.</param>
    /// <param name="mode">Whether an earlier attempt with the key may exist, and how hard to look for it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<CardPaymentOperation> StartRefundAsync(CardRefundRequest request, CardPaymentStartMode mode, CancellationToken cancellationToken);

    /// <summary>
    /// Finds the operation an earlier attempt of <paramref name="entry"/> created, looking again for the provider's
    /// bounded window (a new transaction may show late); <see langword="null"/> when the provider still has none after
    /// it: the request never arrived, and sending again is safe. Sends nothing.
    /// </summary>
    /// <param name="entry">The journal entry whose request may have left.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    Task<CardPaymentOperation?> FindStartedAsync(PaymentJournalEntry entry, CancellationToken cancellationToken);
}
