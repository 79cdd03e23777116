namespace Sunbay.Client;

/// <summary>
/// How a <see cref="TransactionOperation"/> polls for the final status of a transaction. The defaults see a finished
/// transaction about 0.6 s after the terminal finishes (median) while sending at most one query per second on average,
/// and back off once a transaction has been waiting for a long time (a cardholder who walked away). With webhooks wired
/// in (<see cref="ITransactionNotificationBus"/>), a wait completes as soon as the verified webhook arrives.
/// </summary>
public sealed class SunbayPollingOptions : ClientPollingOptions
{
    /// <summary>
    /// Creates the defaults: reads every 1.25 seconds at first (measured to keep the average at or under one query per
    /// second per operation, first query included), then backs off to at most one every 10 seconds; a transaction
    /// resumed from its ID (<c>ICardPayments.GetOperation</c>, the journal's recovery) that SUNBAY does not know within
    /// 2 minutes was never received (<c>PaymentNotReceivedException</c>).
    /// </summary>
    public SunbayPollingOptions()
        : base(TimeSpan.FromSeconds(1.25), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2))
    {
    }

    /// <summary>
    /// How long past the transaction's <c>timeExpire</c> a wait goes on before giving up with
    /// <see cref="SunbayOperationTimeoutException"/>; SUNBAY closes an unpaid transaction at <c>timeExpire</c>. Default 2 minutes.
    /// </summary>
    public TimeSpan ExpiryGracePeriod { get; set; } = TimeSpan.FromMinutes(2);
}
