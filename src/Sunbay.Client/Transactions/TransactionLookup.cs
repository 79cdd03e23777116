namespace Sunbay.Client;

/// <summary>
/// Which transaction to look up with <see cref="ISunbayClient.GetTransactionAsync(TransactionLookup, CancellationToken)"/>
/// or <see cref="ISunbayClient.FindTransactionAsync(TransactionLookup, CancellationToken)"/>: by SUNBAY's transaction ID,
/// by the <c>transactionRequestId</c> it was created with, or by the merchant order number (its latest transaction).
/// Exactly one of <see cref="TransactionId"/>, <see cref="TransactionRequestId"/> and <see cref="ReferenceOrderId"/> is set.
/// </summary>
public sealed class TransactionLookup : IEquatable<TransactionLookup>
{
    private TransactionLookup(string? transactionId, string? transactionRequestId, string? referenceOrderId)
    {
        TransactionId = transactionId;
        TransactionRequestId = transactionRequestId;
        ReferenceOrderId = referenceOrderId;
    }

    /// <summary>SUNBAY's transaction ID, when the lookup is by it.</summary>
    public string? TransactionId { get; }

    /// <summary>The idempotency key the transaction was created with, when the lookup is by it.</summary>
    public string? TransactionRequestId { get; }

    /// <summary>The merchant order number, when the lookup is by it.</summary>
    public string? ReferenceOrderId { get; }

    /// <summary>Looks a transaction up by SUNBAY's transaction ID.</summary>
    /// <param name="transactionId">SUNBAY's transaction ID, e.g. <see cref="Transaction.TransactionId"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="transactionId"/> is null, empty or white space.</exception>
    public static TransactionLookup ByTransactionId(string transactionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionId);
        return new(transactionId, null, null);
    }

    /// <summary>
    /// Looks a transaction up by the <c>transactionRequestId</c> it was created with: the key to store before each push,
    /// and the one that reconciles a <see cref="SunbayTransportException"/> whose outcome is unknown.
    /// </summary>
    /// <param name="transactionRequestId">The idempotency key, e.g. <see cref="SunbayTransportException.TransactionRequestId"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="transactionRequestId"/> is null, empty or white space.</exception>
    public static TransactionLookup ByTransactionRequestId(string transactionRequestId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionRequestId);
        return new(null, transactionRequestId, null);
    }

    /// <summary>
    /// Looks up the latest transaction of a merchant order, for when its <c>transactionRequestId</c> was lost with a crash.
    /// </summary>
    /// <remarks>
    /// SUNBAY documents queries by <c>transactionId</c> and <c>transactionRequestId</c> only; this sends the
    /// <c>referenceOrderId</c> query parameter that SUNBAY's own Python SDK models. A server that does not support it
    /// answers with a parameter error (<see cref="SunbayApiException"/>, code <c>C17</c>). Prefer storing the
    /// <c>transactionRequestId</c> before each push.
    /// </remarks>
    /// <param name="referenceOrderId">The merchant order number the transaction was created with.</param>
    /// <exception cref="ArgumentException"><paramref name="referenceOrderId"/> is null, empty or white space.</exception>
    public static TransactionLookup ByReferenceOrderId(string referenceOrderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceOrderId);
        return new(null, null, referenceOrderId);
    }

    /// <inheritdoc/>
    public bool Equals(TransactionLookup? other) =>
        other is not null
        && string.Equals(TransactionId, other.TransactionId, StringComparison.Ordinal)
        && string.Equals(TransactionRequestId, other.TransactionRequestId, StringComparison.Ordinal)
        && string.Equals(ReferenceOrderId, other.ReferenceOrderId, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TransactionLookup);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(TransactionId, TransactionRequestId, ReferenceOrderId);

    /// <summary>What is looked up, as SUNBAY names it, e.g. <c>transactionRequestId 'abc'</c>.</summary>
    public override string ToString() =>
        TransactionId is not null ? $"transactionId '{TransactionId}'"
        : TransactionRequestId is not null ? $"transactionRequestId '{TransactionRequestId}'"
        : $"referenceOrderId '{ReferenceOrderId}'";
}
