namespace Sunbay.Client.Payments;

/// <summary>
/// Card payments on a terminal, the same for every provider: start a payment or a refund, cancel it, wait for how it
/// ended. Implemented by the SUNBAY client (provider <c>sunbay</c>) and the CM.com client (<c>cm</c>), and chosen by
/// configuration (<c>services.AddCardPayments(configuration.GetSection("CardPayments"))</c>), so one point of sale
/// serves both regions with one code path.
/// </summary>
/// <remarks>
/// <para>
/// Starting returns as soon as the provider has the transaction (pushed to the terminal, or waiting for the terminal
/// to pick it up); <see cref="CardPaymentOperation.WaitForCompletionAsync(CancellationToken)"/> gives the outcome.
/// Requests are validated before anything is sent (<see cref="PaymentsValidationException"/> names the property).
/// </para>
/// <para>
/// A start is never retried automatically. When it fails without an answer, it throws
/// <see cref="PaymentsTransportException"/> with <see cref="PaymentsTransportException.OutcomeUnknown"/>: the card may be
/// charged. Reconcile by starting again with the same request and its <see cref="CardPaymentRequest.IdempotencyKey"/>
/// (<see cref="PaymentsTransportException.IdempotencyKey"/> when you did not set one): the provider
/// first looks for the transaction the first attempt created and resumes it, and sends the request again only when
/// there is none. After a restart, <see cref="GetOperation(string)"/> resumes an operation from its
/// <see cref="CardPaymentOperation.Id"/>.
/// </para>
/// <para>
/// For implementers (a provider package): implement this interface and <see cref="CardPaymentOperation"/>, call the
/// request's <c>Validate()</c> first, and register the implementation as a keyed singleton under the provider's name
/// (<c>services.AddKeyedSingleton&lt;ICardPayments&gt;("cm", ...)</c>); <c>AddCardPayments</c> then finds it.
/// </para>
/// </remarks>
public interface ICardPayments
{
    /// <summary>The provider's name, as configured: <c>sunbay</c>, <c>cm</c>.</summary>
    string Provider { get; }

    /// <summary>Starts a card payment on the terminal.</summary>
    /// <param name="request">The amount, the merchant's reference and, optionally, the terminal and the idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    /// <returns>The payment in progress; wait for it, or cancel it.</returns>
    /// <exception cref="PaymentsValidationException">The request breaks a rule; nothing was sent.</exception>
    /// <exception cref="PaymentsApiException">The provider refused the payment.</exception>
    /// <exception cref="PaymentsTransportException">No usable answer; see <see cref="PaymentsTransportException.OutcomeUnknown"/>.</exception>
    Task<CardPaymentOperation> StartPaymentAsync(CardPaymentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts a refund: referenced to a payment, or unreferenced (the card presented on the terminal).</summary>
    /// <param name="request">The refund; <see cref="CardRefundRequest.For(CardPaymentOutcome, string, Money?)"/> builds a referenced one.</param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    /// <returns>The refund in progress; wait for it, or cancel it.</returns>
    /// <exception cref="PaymentsValidationException">The request breaks a rule; nothing was sent.</exception>
    /// <exception cref="PaymentsApiException">The provider refused the refund (e.g. more than is left to refund).</exception>
    /// <exception cref="PaymentsTransportException">No usable answer; see <see cref="PaymentsTransportException.OutcomeUnknown"/>.</exception>
    Task<CardPaymentOperation> StartRefundAsync(CardRefundRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resumes an operation started earlier (after a restart) from its <see cref="CardPaymentOperation.Id"/>. Sends
    /// nothing until it is awaited or cancelled.
    /// </summary>
    /// <param name="id">The operation's <see cref="CardPaymentOperation.Id"/>, as stored.</param>
    /// <exception cref="PaymentsValidationException"><paramref name="id"/> is blank or not an ID of this provider.</exception>
    CardPaymentOperation GetOperation(string id);
}
