namespace Sunbay.Client.CmCom;

/// <summary>
/// How a <see cref="CmComTransactionOperation"/> polls for the final status of a transaction. CM.com has no webhooks: the
/// terminal itself polls the platform (usually under every 10 s) before the cardholder sees the payment, so the defaults
/// read the transaction every 2 seconds at first, then back off for a transaction that has been waiting for long (a
/// terminal that is off, a cardholder who walked away).
/// </summary>
public sealed class CmComPollingOptions
{
    /// <summary>Interval between reads at the start of a wait (the first read is immediate). Default 2 seconds.</summary>
    public TimeSpan InitialInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to poll at <see cref="InitialInterval"/> before backing off. Default 2 minutes.</summary>
    public TimeSpan BackoffAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Factor applied to the interval at each read once backing off. Default 1.5.</summary>
    public double BackoffMultiplier { get; set; } = 1.5;

    /// <summary>Upper bound of the interval. Default 15 seconds.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Upper bound of the interval while following an approved transaction to clearing
    /// (<see cref="CmComTransactionOperation.WaitForClearingAsync(CancellationToken)"/>): CM.com gives no time for
    /// clearing, which may come hours later, and nobody waits at the checkout for it. Default 5 minutes; not below
    /// <see cref="MaxInterval"/>.
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

    /// <summary>Random spread applied to each interval, as a fraction (0.2 = ±20 %), so that many waits do not poll in step. Default 0.2.</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>
    /// After a start whose answer was lost, how long the terminal's transaction list is re-read for it before it counts
    /// as never received (and, on a repeated start, is sent again): CM.com's guide does not say how soon a new
    /// transaction shows in the list. Counted from when the start was journaled. Default 30 seconds.
    /// </summary>
    public TimeSpan NotReceivedAfter { get; set; } = TimeSpan.FromSeconds(30);
}
