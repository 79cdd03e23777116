namespace Sunbay.Client.Webhooks;

/// <summary>A verified SUNBAY webhook: the transaction it reports and the delivery's identity.</summary>
public sealed class TransactionNotification
{
    /// <summary>Creates a notification (the verifier does; tests of a handler may too).</summary>
    /// <param name="transaction">The transaction the webhook reports.</param>
    /// <param name="clientRequestId">The delivery's <c>X-Client-Request-Id</c>.</param>
    /// <param name="timestamp">The delivery's <c>X-Timestamp</c>.</param>
    public TransactionNotification(Transaction transaction, string clientRequestId, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrEmpty(clientRequestId);
        Transaction = transaction;
        ClientRequestId = clientRequestId;
        Timestamp = timestamp;
    }

    /// <summary>The transaction as the webhook reports it (usually in a final status).</summary>
    public Transaction Transaction { get; }

    /// <summary>The delivery's <c>X-Client-Request-Id</c>: SUNBAY's ID for idempotent processing.</summary>
    public string ClientRequestId { get; }

    /// <summary>When SUNBAY sent the delivery (<c>X-Timestamp</c>).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>
    /// The key under which the notification is processed once: the delivery ID plus the transaction ID and status, so
    /// that a re-delivery is recognised and a later status change of the same transaction is not mistaken for one.
    /// </summary>
    public string DeduplicationKey => $"{ClientRequestId}|{Transaction.TransactionId ?? Transaction.TransactionRequestId}|{Transaction.Status.Code}";

    /// <inheritdoc/>
    public override string ToString() => $"Webhook {ClientRequestId} at {Timestamp:O}: {Transaction}";
}
