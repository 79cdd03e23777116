namespace Sunbay.Client.CmCom;

/// <summary>
/// The <see cref="CmComClient"/> was disposed before the call or the wait finished. Nothing is known about the
/// transaction from this: it goes on on the terminal. Follow it with <see cref="ICmComClient.GetOperation"/> on a live
/// client, using <see cref="TransactionId"/> and <see cref="TerminalId"/>.
/// </summary>
/// <remarks>
/// A request that changes something, interrupted by the disposal on its way, raises <see cref="CmComTransportException"/>
/// with <see cref="PaymentsTransportException.OutcomeUnknown"/> instead, so that it is reconciled like any other lost answer.
/// </remarks>
public sealed class CmComClientDisposedException : PaymentsClientDisposedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">What was interrupted, e.g. <c>get-transaction</c> or <c>wait</c>.</param>
    /// <param name="terminalId">The terminal concerned, when there is one.</param>
    /// <param name="transactionId">The transaction concerned, when there is one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CmComClientDisposedException(string operation, string? terminalId, string? transactionId, Exception? innerException = null)
        : base("CM.com", operation, Describe(operation, terminalId, transactionId), innerException)
    {
        TerminalId = terminalId;
        TransactionId = transactionId;
    }

    /// <summary>The terminal concerned, when there is one.</summary>
    public string? TerminalId { get; }

    /// <summary>CM.com's id of the transaction concerned, when there is one: follow it on a live client.</summary>
    public string? TransactionId { get; }

    private static string Describe(string operation, string? terminalId, string? transactionId) =>
        string.IsNullOrEmpty(transactionId)
            ? $"The CmComClient was disposed; {operation} did not complete. Use a client that is not disposed."
            : $"The CmComClient was disposed; {operation} of transaction '{transactionId}' on terminal '{terminalId}' did not complete. The transaction itself goes on: follow it with GetOperation(\"{transactionId}\", \"{terminalId}\") on a client that is not disposed.";
}
