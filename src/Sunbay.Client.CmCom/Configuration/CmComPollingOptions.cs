namespace Sunbay.Client.CmCom;

/// <summary>
/// How a <see cref="CmComTransactionOperation"/> polls for the final status of a transaction. CM.com has no webhooks: the
/// terminal itself polls the platform (usually under every 10 s) before the cardholder sees the payment, so the defaults
/// read the transaction every 2 seconds at first, then back off for a transaction that has been waiting for long (a
/// terminal that is off, a cardholder who walked away).
/// </summary>
public sealed class CmComPollingOptions : ClientPollingOptions
{
    /// <summary>
    /// Creates the defaults: reads every 2 seconds at first, then backs off to at most one every 15 seconds; after a lost
    /// answer the terminal's list is re-read for 30 seconds before the start counts as never received.
    /// </summary>
    public CmComPollingOptions()
        : base(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30))
    {
    }

    /// <summary>
    /// Upper bound of the interval while following an approved transaction to clearing
    /// (<see cref="CmComTransactionOperation.WaitForClearingAsync(CancellationToken)"/>): CM.com gives no time for
    /// clearing, which may come hours later, and nobody waits at the checkout for it. Default 5 minutes; not below
    /// <see cref="ClientPollingOptions.MaxInterval"/>.
    /// </summary>
    public TimeSpan ClearingMaxInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long <see cref="CmComTransactionOperation.WaitForCompletionAsync(CancellationToken)"/> reads before it gives up
    /// with <see cref="PaymentsOperationTimeoutException"/> (a terminal that is off, a cardholder who walked away): the
    /// transaction's state is then unknown; read it later or cancel it. Default 30 minutes.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long <see cref="CmComTransactionOperation.WaitForClearingAsync(CancellationToken)"/> follows an approval before
    /// it gives up with <see cref="PaymentsOperationTimeoutException"/>. Default 3 days.
    /// </summary>
    public TimeSpan ClearingMaxWait { get; set; } = TimeSpan.FromDays(3);
}
