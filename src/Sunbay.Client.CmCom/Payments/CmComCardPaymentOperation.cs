using Sunbay.Client.Payments;

namespace Sunbay.Client.CmCom.Payments;

/// <summary>
/// A <see cref="CmComTransactionOperation"/> seen through the provider-neutral API: its wait, its cancel (a
/// <c>DELETE</c>), and its final transaction mapped to a <see cref="CardPaymentOutcome"/>.
/// </summary>
/// <remarks>
/// The outcome is known when CM.com's <c>result</c> says so, as its guide bases the merchant's decision on it
/// ("Failure to abort a transaction"): <see cref="CardPaymentStatus.Approved"/> for result <c>APPROVED</c> while
/// <c>AUTHORIZED</c> ("authorized by the Acquirer and awaiting clearance") or <c>CLEARED</c>, without waiting for
/// clearing, which may take hours; <see cref="CardPaymentStatus.Declined"/> for result <c>DECLINED</c>, whatever the
/// status; <see cref="CardPaymentStatus.Cancelled"/> for <c>CANCELLED</c> otherwise ("completed unsuccessfully": by the
/// merchant, the cardholder, a newer payment on the same terminal, or after authorisation, even with result
/// <c>APPROVED</c>), the same as <see cref="CmComTransaction.IsApproved"/> in the CM.com client. CM.com sets no expiry,
/// so nothing is <see cref="CardPaymentStatus.Expired"/>.
/// </remarks>
internal sealed class CmComCardPaymentOperation : CardPaymentOperation
{
    private readonly CmComTransactionOperation _inner;
    private readonly CardPaymentKind? _kind;
    private readonly Money? _requested;

    /// <param name="inner">The CM.com operation.</param>
    /// <param name="kind">Payment or refund, when this process started it; otherwise read from CM.com's transaction type.</param>
    /// <param name="requested">The amount asked for, when this process started it: used when CM.com's answer lacks one.</param>
    public CmComCardPaymentOperation(CmComTransactionOperation inner, CardPaymentKind? kind, Money? requested)
    {
        _inner = inner;
        _kind = kind;
        _requested = requested;
    }

    public override string Id => CmComCardPayments.IdOf(_inner.TerminalId, _inner.Id);

    public override bool HasCompleted => _inner.HasCompleted;

    public override CardPaymentOutcome Value => ToOutcome(_inner.Value);

    public override async Task<CardPaymentOutcome> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        ToOutcome(await _inner.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false));

    public override async Task<CardCancelResult> CancelAsync(CancellationToken cancellationToken = default)
    {
        // A completed operation sends nothing: a DELETE would only be refused.
        if (!_inner.HasCompleted)
        {
            // 204 cancelled it; 409 means a card was presented. Either way the final state is read below, since a
            // refused cancel may still end approved, declined or cancelled by the cardholder.
            await _inner.CancelAsync(cancellationToken).ConfigureAwait(false);
        }

        var outcome = await WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
        return CardCancelResult.After(outcome);
    }

    private CardPaymentOutcome ToOutcome(CmComTransaction transaction) => new()
    {
        Provider = CmComCardPayments.ProviderName,
        Kind = _kind ?? (transaction.Type == CmComTransactionType.Refund ? CardPaymentKind.Refund : CardPaymentKind.Payment),
        Status = transaction.Result == CmComTransactionResult.Declined ? CardPaymentStatus.Declined
            : transaction.IsApproved ? CardPaymentStatus.Approved
            : CardPaymentStatus.Cancelled,
        Amount = AmountOf(transaction),
        ProviderTransactionId = transaction.Id,
        MerchantReference = transaction.MerchantOrderReference,
        Terminal = transaction.TerminalId,
        Receipt = transaction.Receipt,

        // CM.com reports its result, the brand and the STAN; no request id, authorisation code, result message or card number.
        ResultCode = transaction.Result is { Value: { Length: > 0 } result } ? result : null,
        CardBrand = transaction.Brand is { Value: { Length: > 0 } brand } ? brand : null,
        SystemTraceAuditNumber = transaction.SystemTraceAuditNumber,
    };

    private Money AmountOf(CmComTransaction transaction)
    {
        var currency = transaction.Currency ?? _requested?.Currency;
        if ((transaction.Amount ?? _requested?.Amount) is { } amount && currency is not null)
        {
            try
            {
                return new Money(amount, currency);
            }
            catch (PaymentsValidationException)
            {
                // A currency outside ISO 4217's active list, or more decimals than it has (CM.com's answer, not the
                // caller's input): fall back to what this process asked for, or report an unusable answer below.
            }
        }

        return _requested ?? throw new CmComTransportException(
            $"CM.com reported transaction '{transaction.Id}' without an amount in an active ISO 4217 currency (currency '{currency}'): it cannot be reported as Money. Read it with ICmComClient.GetTransactionAsync.",
            "card payment outcome",
            outcomeUnknown: false,
            transaction.TerminalId,
            transaction.MerchantOrderReference,
            transaction.Id,
            statusCode: null);
    }
}
