namespace Sunbay.Client;

/// <summary>
/// The client was disposed before the call or the wait finished (an application shutting down, or a client disposed too
/// early). Nothing is known about the transaction from this: it goes on on the terminal; follow it on a live client.
/// </summary>
/// <remarks>
/// A request that changes something, interrupted by the disposal on its way, raises <see cref="PaymentsTransportException"/>
/// with <see cref="PaymentsTransportException.OutcomeUnknown"/> instead, so that it is reconciled like any other lost answer.
/// Each provider raises its own derived type with the IDs to follow the transaction by.
/// </remarks>
public class PaymentsClientDisposedException : PaymentsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider as people name it, e.g. <c>SUNBAY</c> or <c>CM.com</c>.</param>
    /// <param name="operation">What was interrupted, e.g. <c>query</c> or <c>wait</c>.</param>
    /// <param name="message">The message, saying how to follow the transaction.</param>
    /// <param name="innerException">The cause, if any.</param>
    public PaymentsClientDisposedException(string provider, string operation, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider;
        Operation = operation;
    }

    /// <summary>The provider as people name it, e.g. <c>SUNBAY</c> or <c>CM.com</c>.</summary>
    public string Provider { get; }

    /// <summary>What was interrupted, e.g. <c>query</c>, <c>sale</c> or <c>wait</c>.</summary>
    public string Operation { get; }
}
