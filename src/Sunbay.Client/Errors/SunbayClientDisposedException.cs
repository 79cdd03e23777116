namespace Sunbay.Client;

/// <summary>
/// The <see cref="SunbayClient"/> was disposed before the call or the wait finished (an application shutting down, or a
/// client disposed too early). Nothing is known about the transaction from this: it goes on on the terminal. Follow it
/// with <see cref="ISunbayClient.GetOperation(string)"/> on a live client, using <see cref="TransactionRequestId"/>.
/// </summary>
/// <remarks>
/// A push (POST) interrupted by the disposal while it was on its way raises <see cref="SunbayTransportException"/> with
/// <see cref="PaymentsTransportException.OutcomeUnknown"/> instead, so that it is reconciled like any other lost answer.
/// </remarks>
public sealed class SunbayClientDisposedException : PaymentsClientDisposedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">What was interrupted, e.g. <c>query</c> or <c>wait</c>.</param>
    /// <param name="transactionRequestId">The transaction concerned, when there is one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public SunbayClientDisposedException(string operation, string? transactionRequestId, Exception? innerException = null)
        : base("SUNBAY", operation, Describe(operation, transactionRequestId), innerException)
    {
        TransactionRequestId = transactionRequestId;
    }

    /// <summary>The <c>transactionRequestId</c> of the transaction concerned, when there is one: follow it on a live client.</summary>
    public string? TransactionRequestId { get; }

    private static string Describe(string operation, string? transactionRequestId) =>
        string.IsNullOrEmpty(transactionRequestId)
            ? $"The SunbayClient was disposed; {operation} did not complete. Use a client that is not disposed."
            : $"The SunbayClient was disposed; {operation} of transaction '{transactionRequestId}' did not complete. The transaction itself goes on: follow it with GetOperation(\"{transactionRequestId}\") on a client that is not disposed.";
}
