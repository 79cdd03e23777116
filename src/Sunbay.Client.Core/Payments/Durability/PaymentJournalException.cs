namespace Sunbay.Client.Payments.Durability;

/// <summary>
/// The payment journal could not be written or read: the start was refused <em>before</em> anything was sent, so no
/// card was charged. Try again when the journal's store (Redis, the database) is back.
/// </summary>
public sealed class PaymentJournalException : PaymentsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="idempotencyKey">The start's idempotency key.</param>
    /// <param name="innerException">The store's error.</param>
    public PaymentJournalException(string message, string idempotencyKey, Exception? innerException = null)
        : base(message, innerException) => IdempotencyKey = idempotencyKey;

    /// <summary>The start's idempotency key: start again with it once the journal is back.</summary>
    public string IdempotencyKey { get; }
}
