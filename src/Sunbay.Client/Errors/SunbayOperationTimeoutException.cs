namespace Sunbay.Client;

/// <summary>
/// A transaction did not reach a final status before its <c>timeExpire</c> plus the grace period
/// (<see cref="SunbayPollingOptions.ExpiryGracePeriod"/>). Its state is unknown: query it again later, or abort it.
/// </summary>
/// <remarks>
/// Failed status queries do not end a wait; the last one is kept here (<see cref="PaymentsOperationTimeoutException.LastError"/>, also the
/// <see cref="Exception.InnerException"/>) so that a wait that never got an answer says why.
/// </remarks>
public sealed class SunbayOperationTimeoutException : PaymentsOperationTimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="transactionRequestId">The transaction that did not finish.</param>
    /// <param name="lastStatus">The last status seen.</param>
    public SunbayOperationTimeoutException(string transactionRequestId, TransactionStatus lastStatus)
        : this(transactionRequestId, lastStatus, lastError: null)
    {
    }

    /// <summary>Creates the exception with the last failure seen while waiting.</summary>
    /// <param name="transactionRequestId">The transaction that did not finish.</param>
    /// <param name="lastStatus">The last status seen.</param>
    /// <param name="lastError">The last failed status query of the wait, if any.</param>
    public SunbayOperationTimeoutException(string transactionRequestId, TransactionStatus lastStatus, Exception? lastError)
        : base("SUNBAY", Describe(transactionRequestId, lastStatus, lastError), lastError)
    {
        TransactionRequestId = transactionRequestId;
        LastStatus = lastStatus;
    }

    /// <summary>The transaction that did not finish.</summary>
    public string TransactionRequestId { get; }

    /// <summary>The last status seen.</summary>
    public TransactionStatus LastStatus { get; }

    private static string Describe(string transactionRequestId, TransactionStatus lastStatus, Exception? lastError) =>
        $"Transaction '{transactionRequestId}' had no final status after its expiry and the grace period (last status: {lastStatus})."
        + (lastError is null ? string.Empty : $" The last status query failed: {lastError.Message}");
}
