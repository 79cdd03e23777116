namespace Sunbay.Client;

/// <summary>
/// A transaction did not reach a final status before its <c>timeExpire</c> plus the grace period
/// (<see cref="SunbayPollingOptions.ExpiryGracePeriod"/>). Its state is unknown: query it again later, or abort it.
/// </summary>
public sealed class SunbayOperationTimeoutException : SunbayException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="transactionRequestId">The transaction that did not finish.</param>
    /// <param name="lastStatus">The last status seen.</param>
    public SunbayOperationTimeoutException(string transactionRequestId, TransactionStatus lastStatus)
        : base($"Transaction '{transactionRequestId}' had no final status after its expiry and the grace period (last status: {lastStatus}).")
    {
        TransactionRequestId = transactionRequestId;
        LastStatus = lastStatus;
    }

    /// <summary>The transaction that did not finish.</summary>
    public string TransactionRequestId { get; }

    /// <summary>The last status seen.</summary>
    public TransactionStatus LastStatus { get; }
}
