using Sunbay.Client.Payments.Durability;
using Sunbay.Client.Pipeline;
using Sunbay.Client.Transactions;

namespace Sunbay.Client.Payments;

/// <summary>
/// <see cref="ICardPayments"/> over <see cref="ISunbayClient"/>: a payment is a SUNBAY sale, a refund a SUNBAY refund,
/// a cancel an abort. Registered by <c>AddSunbayClient</c> as the keyed service <c>sunbay</c> (a named client:
/// <c>sunbay:{name}</c>).
/// </summary>
internal sealed class SunbayCardPayments : CardPaymentsProvider
{
    /// <summary>The provider name of the default client, in configuration and in every outcome.</summary>
    public const string ProviderName = "sunbay";

    // SUNBAY's wire names of the fields the neutral requests fill, so that a SUNBAY rule names the property the caller set.
    private static readonly Dictionary<string, string> NeutralFields = new(StringComparer.Ordinal)
    {
        ["referenceOrderId"] = nameof(CardPaymentRequest.MerchantReference),
        ["amount.orderAmount"] = nameof(CardPaymentRequest.Amount),
        ["amount.priceCurrency"] = nameof(CardPaymentRequest.Amount),
        ["description"] = nameof(CardPaymentRequest.Description),
        ["terminalSn"] = nameof(CardPaymentRequest.Terminal),
        ["transactionRequestId"] = nameof(CardPaymentRequest.IdempotencyKey),
        ["originalTransactionId"] = nameof(CardRefundRequest.OriginalTransactionId),
    };

    private readonly ISunbayClient _client;
    private readonly Func<TimeSpan> _defaultExpiry;

    /// <param name="client">The SUNBAY client that sends everything.</param>
    /// <param name="time">The clock that tells an expiry from a cancel when SUNBAY gives no completion time.</param>
    /// <param name="defaultExpiry">The client's <see cref="SunbayClientOptions.DefaultExpiry"/>, read when needed (it may be reloaded).</param>
    public SunbayCardPayments(ISunbayClient client, TimeProvider time, Func<TimeSpan> defaultExpiry)
        : base(ProviderName, "SUNBAY", NeutralFields)
    {
        _client = client;
        Time = time;
        _defaultExpiry = defaultExpiry;
    }

    /// <summary>The keyed-service name of the client registered as <paramref name="clientName"/>: <c>sunbay</c>, or <c>sunbay:{name}</c>.</summary>
    public static string KeyOf(string clientName) => KeyOf(ProviderName, clientName);

    internal TimeProvider Time { get; }

    internal TimeSpan DefaultExpiry => _defaultExpiry();

    protected override async Task<CardPaymentOperation> StartPaymentCoreAsync(CardPaymentRequest request, CardPaymentStartMode mode, CancellationToken cancellationToken)
    {
        var sale = new SaleRequest
        {
            Amount = request.Amount.MinorUnits,
            Currency = request.Amount.Currency,
            ReferenceOrderId = request.MerchantReference,
            Description = request.Description ?? DefaultDescription.Payment,
            TerminalSn = request.Terminal,
            TransactionRequestId = request.IdempotencyKey,
        };
        var operation = await StartAsync(sale, mode, cancellationToken).ConfigureAwait(false);
        return new SunbayCardPaymentOperation(this, operation, CardPaymentKind.Payment, request.Amount, received: true);
    }

    protected override async Task<CardPaymentOperation> StartRefundCoreAsync(CardRefundRequest request, CardPaymentStartMode mode, CancellationToken cancellationToken)
    {
        var refund = new RefundRequest
        {
            Amount = request.Amount.MinorUnits,
            Currency = request.Amount.Currency,
            ReferenceOrderId = request.MerchantReference,
            OriginalTransactionId = request.OriginalTransactionId,
            Description = request.Description,
            TerminalSn = request.Terminal,
            TransactionRequestId = request.IdempotencyKey,
        };
        var operation = await StartAsync(refund, mode, cancellationToken).ConfigureAwait(false);
        return new SunbayCardPaymentOperation(this, operation, CardPaymentKind.Refund, request.Amount, received: true);
    }

    public override CardPaymentOperation GetOperation(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new PaymentsValidationException(nameof(id), "is required: the Id of the operation to resume (SUNBAY's transactionRequestId)");
        }

        return new SunbayCardPaymentOperation(this, _client.GetOperation(id), kind: null, requested: null, received: false);
    }

    public override async Task<CardPaymentOperation?> FindStartedAsync(PaymentJournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return await IsReceivedAsync(entry.Key, entry.OpenedAt + Polling.NotReceivedAfter, cancellationToken).ConfigureAwait(false)
            ? new SunbayCardPaymentOperation(this, _client.GetOperation(entry.Key), entry.Kind, entry.Amount, received: true)
            : null;
    }

    internal SunbayPollingOptions Polling => (_client as SunbayClient)?.CurrentOptions.Polling ?? DefaultPolling;

    private static readonly SunbayPollingOptions DefaultPolling = new();

    /// <summary>
    /// Whether SUNBAY has the transaction of <paramref name="transactionRequestId"/>, asking at the polling interval
    /// until <paramref name="deadline"/>: a new transaction is expected at once, so a bounded window tells "never
    /// received" from "late" without polling for a day.
    /// </summary>
    internal async Task<bool> IsReceivedAsync(string transactionRequestId, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var lookup = TransactionLookup.ByTransactionRequestId(transactionRequestId);
        return await FindWithinAsync(token => _client.FindTransactionAsync(lookup, token), deadline, Polling, Time, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>
    /// Sends the push; unless the start is <see cref="CardPaymentStartMode.Fresh"/>, through
    /// <see cref="ISunbayClient.StartOrResumeAsync"/>, which queries the key first and resumes the transaction it already
    /// created rather than charging twice (SUNBAY's <c>transactionRequestId</c> is its idempotency key too).
    /// </summary>
    private async Task<TransactionOperation> StartAsync(PushRequest request, CardPaymentStartMode mode, CancellationToken cancellationToken) =>
        mode == CardPaymentStartMode.Fresh
            ? request is SaleRequest sale
                ? await _client.StartSaleAsync(sale, cancellationToken).ConfigureAwait(false)
                : await _client.StartRefundAsync((RefundRequest)request, cancellationToken).ConfigureAwait(false)
            : await _client.StartOrResumeAsync(request, cancellationToken).ConfigureAwait(false);
}
