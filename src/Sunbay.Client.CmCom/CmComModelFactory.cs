using Sunbay.Client.CmCom.Transactions;

namespace Sunbay.Client.CmCom;

/// <summary>
/// Builds the CM.com client's results for unit tests of code that uses <see cref="ICmComClient"/>, without HTTP. Results
/// have no public constructors: this is the one way to build them outside the SDK, and it stays source-compatible as
/// they gain members (every parameter is optional but the keys).
/// </summary>
public static class CmComModelFactory
{
    /// <summary>A transaction as CM.com would report it; anything not given is "not reported".</summary>
    /// <param name="id">CM.com's id of the transaction.</param>
    /// <param name="terminalId">Its terminal.</param>
    /// <param name="status">Its status, e.g. <see cref="CmComTransactionStatus.Cleared"/>.</param>
    /// <param name="result">Its result, e.g. <see cref="CmComTransactionResult.Approved"/>.</param>
    /// <param name="type">Its kind; default <see cref="CmComTransactionType.Purchase"/>.</param>
    /// <param name="merchantOrderReference">The merchant's order reference.</param>
    /// <param name="amount">The amount in major units.</param>
    /// <param name="currency">The amount's currency.</param>
    /// <param name="createdAt">When CM.com created it.</param>
    /// <param name="processedAt">When the terminal processed it.</param>
    /// <param name="systemTraceAuditNumber">The STAN.</param>
    /// <param name="brand">The card brand.</param>
    /// <param name="receipt">The EFT receipt.</param>
    /// <param name="store">The store that processed it.</param>
    /// <param name="referencedTransactionId">For a referenced refund, the purchase it pays back.</param>
    public static CmComTransaction Transaction(
        string id,
        string terminalId,
        CmComTransactionStatus status = default,
        CmComTransactionResult? result = null,
        CmComTransactionType? type = null,
        string? merchantOrderReference = null,
        decimal? amount = null,
        string? currency = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? processedAt = null,
        string? systemTraceAuditNumber = null,
        CmComCardBrand? brand = null,
        string? receipt = null,
        CmComStore? store = null,
        string? referencedTransactionId = null) => new()
        {
            Id = id,
            TerminalId = terminalId,
            Status = status,
            Result = result,
            Type = type ?? CmComTransactionType.Purchase,
            MerchantOrderReference = merchantOrderReference,
            Amount = amount,
            Currency = currency,
            CreatedAt = createdAt,
            ProcessedAt = processedAt,
            SystemTraceAuditNumber = systemTraceAuditNumber,
            Brand = brand,
            Receipt = receipt,
            Store = store,
            ReferencedTransactionId = referencedTransactionId,
        };

    /// <summary>An operation whose transaction is <paramref name="transaction"/>: it waits for nothing, and its reads and cancels answer that transaction.</summary>
    /// <param name="transaction">The transaction, final or not (a non-final one never completes: use it to test a caller's timeout).</param>
    public static CmComTransactionOperation Operation(CmComTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return new CmComTransactionOperation(new CannedStatusSource(transaction), transaction.TerminalId, transaction.Id, transaction);
    }

    /// <summary>An API key as CM.com lists it.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="label">Its label.</param>
    /// <param name="lastUsedAt">When it was last used.</param>
    /// <param name="validFrom">From when it is valid.</param>
    /// <param name="validUntil">Until when it is valid.</param>
    public static CmComApiKey ApiKey(long id, string? label = null, DateTimeOffset? lastUsedAt = null, DateTimeOffset? validFrom = null, DateTimeOffset? validUntil = null) =>
        new() { Id = id, Label = label, LastUsedAt = lastUsedAt, ValidFrom = validFrom, ValidUntil = validUntil };

    /// <summary>A key as CM.com answers its creation, secret included.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="key">The secret.</param>
    /// <param name="label">Its label.</param>
    /// <param name="validFrom">From when it is valid.</param>
    /// <param name="validUntil">Until when it is valid.</param>
    public static CmComNewApiKey NewApiKey(long id, string key, string? label = null, DateTimeOffset? validFrom = null, DateTimeOffset? validUntil = null) =>
        new() { Id = id, Key = key, Label = label, ValidFrom = validFrom, ValidUntil = validUntil };
}
