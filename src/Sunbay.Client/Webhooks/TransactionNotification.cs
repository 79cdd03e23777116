namespace Sunbay.Client.Webhooks;

/// <summary>A verified SUNBAY webhook: the transaction it reports and the delivery's identity.</summary>
public sealed class TransactionNotification
{
    /// <summary>Created by <see cref="SunbayWebhookVerifier"/>; in tests of a handler, use <see cref="SunbayModelFactory.TransactionNotification"/>.</summary>
    /// <param name="transaction">The transaction the webhook reports.</param>
    /// <param name="clientRequestId">The delivery's <c>X-Client-Request-Id</c>.</param>
    /// <param name="timestamp">The delivery's <c>X-Timestamp</c>.</param>
    internal TransactionNotification(Transaction transaction, string clientRequestId, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrEmpty(clientRequestId);
        Transaction = transaction;
        ClientRequestId = clientRequestId;
        Timestamp = timestamp;
    }

    /// <summary>The transaction as the webhook reports it (usually in a final status).</summary>
    public Transaction Transaction { get; }

    /// <summary>
    /// The delivery's <c>X-Client-Request-Id</c>, for tracing. The signature does not cover it, so it is not what makes
    /// processing idempotent: <see cref="DeduplicationKey"/> is.
    /// </summary>
    public string ClientRequestId { get; }

    /// <summary>When SUNBAY sent the delivery (<c>X-Timestamp</c>).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>
    /// The key under which the notification is processed once (<see cref="DeduplicationKeyFor"/> of its transaction):
    /// what the signature covers, never the unsigned <c>X-Client-Request-Id</c> or <c>X-Timestamp</c>.
    /// </summary>
    public string DeduplicationKey => DeduplicationKeyFor(Transaction);

    /// <summary>
    /// The de-duplication key of a notification about <paramref name="transaction"/>, the one rule every
    /// <see cref="IWebhookDeduplicationStore"/> is claimed with: <c>txn:{transactionId}:{status}</c>
    /// (<c>req:{transactionRequestId}:{status}</c> when the body has no <c>transactionId</c>), followed by
    /// <c>:{relatedTransactionStatus}</c> when there is one.
    /// </summary>
    /// <remarks>
    /// SUNBAY signs the raw body only, so the headers <c>X-Client-Request-Id</c> and <c>X-Timestamp</c> are not covered:
    /// anyone holding a captured body can re-post it with a fresh timestamp and a new request ID. Keyed on the transaction
    /// and its status, such a replay, like SUNBAY's own re-sending of a notification, is recognised as a duplicate for as
    /// long as <see cref="SunbayWebhookOptions.DeduplicationWindow"/> remembers it. A status change of the same transaction
    /// (<c>P</c> then <c>S</c>, or <c>S</c> then <c>C</c>) and a change of its related status (refunded, voided) are new
    /// events; a refund or a void is a transaction of its own, with its own <c>transactionId</c>. Not a hash of the body:
    /// SUNBAY may re-send the same event with a different envelope, trace ID or field order.
    /// </remarks>
    /// <param name="transaction">The transaction the notification reports.</param>
    public static string DeduplicationKeyFor(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var identity = string.IsNullOrEmpty(transaction.TransactionId)
            ? "req:" + transaction.TransactionRequestId
            : "txn:" + transaction.TransactionId;
        return transaction.RelatedTransactionStatus is { } related
            ? $"{identity}:{transaction.Status.Value}:{related.Value}"
            : $"{identity}:{transaction.Status.Value}";
    }

    /// <inheritdoc/>
    public override string ToString() => $"Webhook {ClientRequestId} at {Timestamp:O}: {Transaction}";
}
