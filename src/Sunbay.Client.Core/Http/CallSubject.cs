namespace Sunbay.Client.Http;

/// <summary>
/// What one API call is about, for its errors and telemetry: the caller's reference of the transaction (SUNBAY: its
/// <c>transactionRequestId</c>; CM.com: its <c>merchant_order_reference</c>) and, where the provider addresses
/// transactions by terminal, the terminal and the provider's transaction id. A plain string converts to a subject with
/// only a reference, so SUNBAY's calls pass their <c>transactionRequestId</c> as before.
/// </summary>
/// <param name="Reference">The caller's reference of the transaction, when there is one.</param>
/// <param name="TerminalId">The terminal the call addresses, when it addresses one.</param>
/// <param name="TransactionId">The provider's id of the transaction, when known.</param>
internal readonly record struct CallSubject(string? Reference, string? TerminalId = null, string? TransactionId = null)
{
    public static implicit operator CallSubject(string? reference) => new(reference);
}
