using Sunbay.Client.Payments.Durability;

namespace Sunbay.Client.Payments;

/// <summary>
/// A SUNBAY <see cref="TransactionOperation"/> seen through the provider-neutral API: its wait, its abort, and its final
/// transaction mapped to a <see cref="CardPaymentOutcome"/>.
/// </summary>
/// <remarks>
/// SUNBAY ends an unpaid transaction with one status, <c>CLOSED</c>, whether it expired, was aborted or was cancelled by
/// the cardholder; only the time tells them apart. A transaction closed before its expiry is
/// <see cref="CardPaymentStatus.Cancelled"/>, one closed at or after it is <see cref="CardPaymentStatus.Expired"/>.
/// The expiry is the one the push was sent with, or, for an operation resumed after a restart, its creation time plus
/// <see cref="SunbayClientOptions.DefaultExpiry"/> (what the neutral API always sends).
/// </remarks>
internal sealed class SunbayCardPaymentOperation : CardPaymentOperation
{
    /// <summary>SUNBAY sends times to the second: a close within this of the expiry is the expiry.</summary>
    private static readonly TimeSpan ExpiryTolerance = TimeSpan.FromSeconds(1);

    private readonly SunbayCardPayments _owner;
    private readonly TransactionOperation _inner;
    private readonly CardPaymentKind? _kind;
    private readonly Money? _requested;
    private volatile bool _received;

    /// <param name="owner">The adapter: the clock and the default expiry.</param>
    /// <param name="inner">The SUNBAY operation.</param>
    /// <param name="kind">Payment or refund, when this process started it; otherwise read from SUNBAY's transaction type.</param>
    /// <param name="requested">The amount asked for, when this process started it: used when SUNBAY's answer lacks one.</param>
    /// <param name="received">Whether SUNBAY is known to have the transaction; an operation resumed from an ID is not, until a query finds it.</param>
    public SunbayCardPaymentOperation(SunbayCardPayments owner, TransactionOperation inner, CardPaymentKind? kind, Money? requested, bool received)
    {
        _received = received;
        _owner = owner;
        _inner = inner;
        _kind = kind;
        _requested = requested;
    }

    public override string Id => _inner.TransactionRequestId;

    public override bool HasCompleted => _inner.HasCompleted;

    public override CardPaymentOutcome Value => ToOutcome(_inner.Value);

    public override async Task<CardPaymentOutcome> WaitForCompletionAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReceivedAsync(cancellationToken).ConfigureAwait(false);
        return ToOutcome(await _inner.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false));
    }

    public override async Task<CardCancelResult> CancelAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReceivedAsync(cancellationToken).ConfigureAwait(false);
        // An abort now, then the true final state: the cardholder may have paid at the same instant. A completed
        // operation sends nothing.
        var final = await _inner.WaitForCompletionOrAbortAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        var outcome = ToOutcome(final);
        return CardCancelResult.After(outcome);
    }

    /// <summary>
    /// For an operation resumed from an ID: SUNBAY must know it within <see cref="ClientPollingOptions.NotReceivedAfter"/>,
    /// otherwise the start never reached it, and the wait ends now instead of polling until a day has passed.
    /// </summary>
    private async Task EnsureReceivedAsync(CancellationToken cancellationToken)
    {
        if (_received || _inner.HasCompleted)
        {
            return;
        }

        var window = _owner.Polling.NotReceivedAfter;
        if (!await _owner.IsReceivedAsync(Id, _owner.Time.GetUtcNow() + window, cancellationToken).ConfigureAwait(false))
        {
            throw new PaymentNotReceivedException(SunbayCardPayments.ProviderName, Id, window);
        }

        _received = true;
    }

    private CardPaymentOutcome ToOutcome(Transaction transaction) => new()
    {
        Provider = SunbayCardPayments.ProviderName,
        Kind = _kind ?? (transaction.Type == TransactionType.Refund ? CardPaymentKind.Refund : CardPaymentKind.Payment),
        Status = transaction.Status == TransactionStatus.Success ? CardPaymentStatus.Approved
            : transaction.Status == TransactionStatus.Fail ? CardPaymentStatus.Declined
            : ClosedAtExpiry(transaction) ? CardPaymentStatus.Expired
            : CardPaymentStatus.Cancelled,
        Amount = AmountOf(transaction),
        ProviderTransactionId = transaction.TransactionId,
        MerchantReference = transaction.ReferenceOrderId,
        Terminal = transaction.TerminalSn,
        Receipt = null, // SUNBAY prints on the terminal and sends no receipt text.
        ProviderRequestId = transaction.TransactionRequestId.Length == 0 ? null : transaction.TransactionRequestId,
        ResultCode = transaction.ResultCode,
        ResultMessage = transaction.ResultMessage,
        AuthorizationCode = transaction.AuthCode,
        CardBrand = transaction.PaymentMethodId,
        MaskedCard = transaction.MaskedPan,
        SystemTraceAuditNumber = transaction.Stan,
    };

    private bool ClosedAtExpiry(Transaction closed)
    {
        var expiresAt = _inner.ExpiresAt ?? closed.CreatedAt + _owner.DefaultExpiry;
        if (expiresAt is not { } expiry)
        {
            // Neither the expiry nor the creation time is known: SUNBAY documents CLOSED as "e.g. expired".
            return true;
        }

        return (closed.CompletedAt ?? _owner.Time.GetUtcNow()) >= expiry - ExpiryTolerance;
    }

    private Money AmountOf(Transaction transaction)
    {
        var amounts = transaction.Amount;
        var currency = amounts?.Currency ?? _requested?.Currency;
        if ((amounts?.Total ?? amounts?.Order ?? _requested?.MinorUnits) is { } minorUnits && currency is not null)
        {
            try
            {
                return Money.FromMinorUnits(minorUnits, currency);
            }
            catch (PaymentsValidationException)
            {
                // A currency outside ISO 4217's active list (SUNBAY's answer, not the caller's input): fall back to
                // what this process asked for, or report an unusable answer below.
            }
        }

        return _requested ?? throw new SunbayTransportException(
            $"SUNBAY reported transaction '{transaction.TransactionRequestId}' without an amount in an active ISO 4217 currency (currency '{currency}'): it cannot be reported as Money. Read it with ISunbayClient.GetTransactionAsync.",
            "card payment outcome",
            outcomeUnknown: false,
            transaction.TransactionRequestId,
            statusCode: null);
    }
}
