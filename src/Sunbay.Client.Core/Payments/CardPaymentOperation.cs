namespace Sunbay.Client.Payments;

/// <summary>
/// A card payment or refund in progress on a terminal: wait for its outcome, or cancel it. The long-running operation
/// of <see cref="ICardPayments"/>, the same for every provider.
/// </summary>
/// <remarks>
/// Keep <see cref="Id"/>: <see cref="ICardPayments.GetOperation(string)"/> resumes the operation from it after a restart.
/// Abstract so that each provider implements it and so that tests of a point of sale derive a fake from it.
/// </remarks>
public abstract class CardPaymentOperation
{
    /// <summary>For providers, and for fakes in tests.</summary>
    protected CardPaymentOperation()
    {
    }

    /// <summary>The provider's key of the operation, opaque to the caller (SUNBAY: the <c>transactionRequestId</c>); store it to resume.</summary>
    public abstract string Id { get; }

    /// <summary>Whether the operation has ended (approved, declined, cancelled or expired).</summary>
    public abstract bool HasCompleted { get; }

    /// <summary>The outcome.</summary>
    /// <exception cref="InvalidOperationException">The operation has not completed yet; await <see cref="WaitForCompletionAsync(CancellationToken)"/>.</exception>
    public abstract CardPaymentOutcome Value { get; }

    /// <summary>Waits until the operation ends and returns its outcome; a decline is an outcome, not an exception.</summary>
    /// <param name="cancellationToken">Stops waiting; the operation itself goes on (cancel it with <see cref="CancelAsync(CancellationToken)"/>).</param>
    /// <exception cref="PaymentsOperationTimeoutException">The provider reported no end within the operation's expiry and a grace period.</exception>
    public abstract Task<CardPaymentOutcome> WaitForCompletionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks the provider to cancel the operation (SUNBAY: abort; CM.com: delete), then waits for its real final state.
    /// The cancel can come too late (the cardholder already presented the card): the result then says
    /// <see cref="CardCancelStatus.TooLate"/> and carries the outcome, which may be an approval.
    /// </summary>
    /// <param name="cancellationToken">Stops the cancel and the wait; the operation itself goes on.</param>
    /// <returns>Whether the cancel worked, and the operation's final outcome.</returns>
    /// <exception cref="PaymentsOperationTimeoutException">The provider reported no end within the operation's expiry and a grace period.</exception>
    public abstract Task<CardCancelResult> CancelAsync(CancellationToken cancellationToken = default);

    /// <summary>The ID and, once completed, the outcome.</summary>
    public override string ToString() => HasCompleted ? $"CardPaymentOperation {Id}: {Value}" : $"CardPaymentOperation {Id}: in progress";
}
