namespace Sunbay.Client;

/// <summary>
/// A transaction did not reach a final state before its deadline (its expiry plus a grace period). Its state is unknown:
/// query it again later, or cancel it.
/// </summary>
/// <remarks>
/// Failed status queries do not end a wait; the last one is kept here (<see cref="LastError"/>, also the
/// <see cref="Exception.InnerException"/>) so that a wait that never got an answer says why.
/// </remarks>
public class PaymentsOperationTimeoutException : PaymentsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider as people name it, e.g. <c>SUNBAY</c> or <c>CM.com</c>.</param>
    /// <param name="message">The message, naming the transaction.</param>
    /// <param name="lastError">The last failed status query of the wait, if any.</param>
    public PaymentsOperationTimeoutException(string provider, string message, Exception? lastError)
        : base(message, lastError)
    {
        Provider = provider;
    }

    /// <summary>The provider as people name it, e.g. <c>SUNBAY</c> or <c>CM.com</c>.</summary>
    public string Provider { get; }

    /// <summary>The last failed status query of the wait (a <see cref="PaymentsTransportException"/> or <see cref="PaymentsApiException"/>), or <see langword="null"/> when none failed.</summary>
    public Exception? LastError => InnerException;
}
