using Sunbay.Client.Transactions;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client;

/// <summary>
/// Builds the SDK's results for unit tests of code that uses <see cref="ISunbayClient"/>, without HTTP: have a fake
/// client return <see cref="CompletedTransactionOperation"/> or <see cref="PendingTransactionOperation"/> from a push, a
/// <see cref="Transaction"/> from a lookup, and so on. Results have no public constructors: this is the one way to build
/// them outside the SDK, and it stays source-compatible as they gain members (every parameter is optional but the keys).
/// </summary>
public static class SunbayModelFactory
{
    /// <summary>A transaction as SUNBAY would report it; anything not given is "not reported".</summary>
    /// <param name="transactionRequestId">The idempotency key it was created with.</param>
    /// <param name="status">Its status, e.g. <see cref="TransactionStatus.Success"/>.</param>
    /// <param name="type">Its kind, e.g. <see cref="TransactionType.Sale"/>.</param>
    /// <param name="transactionId">SUNBAY's transaction ID.</param>
    /// <param name="amount">Its amounts (<see cref="TransactionAmounts(string?, long?, long?, long?, long?, long?, long?)"/>).</param>
    /// <param name="referenceOrderId">The merchant's order number.</param>
    /// <param name="originalTransactionId">The transaction a refund, void, capture or increment applies to.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <param name="completedAt">When it reached its final status.</param>
    /// <param name="maskedPan">Masked card number (first 6 and last 4 digits).</param>
    /// <param name="cardNetworkType">Card network type, e.g. <c>CREDIT</c>.</param>
    /// <param name="paymentMethodId">Payment method, e.g. <c>VISA</c>.</param>
    /// <param name="subPaymentMethodId">Sub payment method (EBT programme).</param>
    /// <param name="entryMode">How the card was read, e.g. <see cref="Client.EntryMode.Contactless"/>.</param>
    /// <param name="authenticationMethod">How the cardholder was verified, e.g. <see cref="Client.AuthenticationMethod.Pin"/>.</param>
    /// <param name="authCode">Authorisation code.</param>
    /// <param name="resultCode">Channel response code, e.g. <c>000</c> or <c>051</c>.</param>
    /// <param name="resultMessage">Channel response message.</param>
    /// <param name="batchNo">Batch number.</param>
    /// <param name="voucherNo">Voucher number.</param>
    /// <param name="stan">System trace audit number.</param>
    /// <param name="rrn">Retrieval reference number.</param>
    /// <param name="terminalSn">The terminal that processed it.</param>
    /// <param name="description">The description sent with the request.</param>
    /// <param name="attach">The <c>attach</c> data sent with the request.</param>
    /// <param name="relatedTransactionStatus">What later happened to it, e.g. <see cref="Client.RelatedTransactionStatus.Refunded"/>.</param>
    /// <param name="batchStatus">Where it stands in settlement, e.g. <see cref="Client.BatchStatus.Open"/>.</param>
    public static Transaction Transaction(
        string transactionRequestId,
        TransactionStatus status = default,
        TransactionType type = default,
        string? transactionId = null,
        TransactionAmounts? amount = null,
        string? referenceOrderId = null,
        string? originalTransactionId = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? completedAt = null,
        string? maskedPan = null,
        string? cardNetworkType = null,
        string? paymentMethodId = null,
        string? subPaymentMethodId = null,
        EntryMode? entryMode = null,
        AuthenticationMethod? authenticationMethod = null,
        string? authCode = null,
        string? resultCode = null,
        string? resultMessage = null,
        string? batchNo = null,
        string? voucherNo = null,
        string? stan = null,
        string? rrn = null,
        string? terminalSn = null,
        string? description = null,
        string? attach = null,
        RelatedTransactionStatus? relatedTransactionStatus = null,
        BatchStatus? batchStatus = null)
    {
        ArgumentNullException.ThrowIfNull(transactionRequestId);
        return new()
        {
            TransactionRequestId = transactionRequestId,
            Status = status,
            Type = type,
            TransactionId = transactionId,
            Amount = amount,
            ReferenceOrderId = referenceOrderId,
            OriginalTransactionId = originalTransactionId,
            CreatedAt = createdAt,
            CompletedAt = completedAt,
            MaskedPan = maskedPan,
            CardNetworkType = cardNetworkType,
            PaymentMethodId = paymentMethodId,
            SubPaymentMethodId = subPaymentMethodId,
            EntryMode = entryMode,
            AuthenticationMethod = authenticationMethod,
            AuthCode = authCode,
            ResultCode = resultCode,
            ResultMessage = resultMessage,
            BatchNo = batchNo,
            VoucherNo = voucherNo,
            Stan = stan,
            Rrn = rrn,
            TerminalSn = terminalSn,
            Description = description,
            Attach = attach,
            RelatedTransactionStatus = relatedTransactionStatus,
            BatchStatus = batchStatus,
        };
    }

    /// <summary>Amounts of a transaction, in minor units of <paramref name="currency"/>.</summary>
    /// <param name="currency">ISO 4217 currency code, e.g. <c>USD</c>.</param>
    /// <param name="total">The total processed.</param>
    /// <param name="order">The order amount.</param>
    /// <param name="tax">Tax.</param>
    /// <param name="surcharge">Surcharge.</param>
    /// <param name="tip">Tip.</param>
    /// <param name="cashback">Cash back.</param>
    public static TransactionAmounts TransactionAmounts(string? currency = null, long? total = null, long? order = null, long? tax = null, long? surcharge = null, long? tip = null, long? cashback = null) =>
        new() { Currency = currency, Total = total, Order = order, Tax = tax, Surcharge = surcharge, Tip = tip, Cashback = cashback };

    /// <summary>
    /// An operation that has completed with <paramref name="transaction"/>: <see cref="TransactionOperation.HasCompleted"/>
    /// is true, and every update or wait returns it at once.
    /// </summary>
    /// <param name="transaction">The final transaction (success, fail or closed).</param>
    /// <param name="completedBy">How the final status was learned.</param>
    /// <exception cref="ArgumentException"><paramref name="transaction"/> is not final.</exception>
    public static TransactionOperation CompletedTransactionOperation(Transaction transaction, TransactionUpdateSource completedBy = TransactionUpdateSource.Query)
    {
        RequireFinal(transaction);
        return new(new CannedStatusSource(transaction), transaction.TransactionRequestId, transaction, expiresAt: null, completedBy);
    }

    /// <summary>
    /// An operation still in progress, as a push returns it: not completed, <see cref="TransactionOperation.LastKnown"/>
    /// is <paramref name="lastKnown"/>, and the first update or wait (also <see cref="TransactionOperation.WaitForCompletionOrAbortAsync(TimeSpan, CancellationToken)"/>)
    /// completes it with <paramref name="finalTransaction"/>. Nothing is sent, nothing waits on a clock.
    /// </summary>
    /// <param name="finalTransaction">What the wait returns (success, fail or closed).</param>
    /// <param name="lastKnown">
    /// The state before: default what a dispatch answer tells of <paramref name="finalTransaction"/> (its IDs, type and
    /// terminal, status <see cref="TransactionStatus.Processing"/>).
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="finalTransaction"/> is not final, or <paramref name="lastKnown"/> is.</exception>
    public static TransactionOperation PendingTransactionOperation(Transaction finalTransaction, Transaction? lastKnown = null)
    {
        RequireFinal(finalTransaction);
        if (lastKnown is { Status.IsFinal: true })
        {
            throw new ArgumentException($"The state before completion must not be final (was {lastKnown.Status}).", nameof(lastKnown));
        }

        lastKnown ??= new()
        {
            TransactionRequestId = finalTransaction.TransactionRequestId,
            TransactionId = finalTransaction.TransactionId,
            ReferenceOrderId = finalTransaction.ReferenceOrderId,
            OriginalTransactionId = finalTransaction.OriginalTransactionId,
            Type = finalTransaction.Type,
            TerminalSn = finalTransaction.TerminalSn,
            Status = TransactionStatus.Processing,
        };
        return new(new CannedStatusSource(finalTransaction), finalTransaction.TransactionRequestId, lastKnown, expiresAt: null);
    }

    /// <summary>The answer to a tip adjustment.</summary>
    /// <param name="originalTransactionId">SUNBAY's ID of the adjusted transaction.</param>
    /// <param name="originalTransactionRequestId">The <c>transactionRequestId</c> of the adjusted transaction.</param>
    /// <param name="tipAmount">The tip now on the transaction, in minor units.</param>
    public static TipAdjustResult TipAdjustResult(string? originalTransactionId = null, string? originalTransactionRequestId = null, long? tipAmount = null) =>
        new() { OriginalTransactionId = originalTransactionId, OriginalTransactionRequestId = originalTransactionRequestId, TipAmount = tipAmount };

    /// <summary>Totals of a terminal's open batch for one channel and currency.</summary>
    /// <param name="batchNo">Batch number.</param>
    /// <param name="openedAt">When the batch opened.</param>
    /// <param name="channelCode">The processing channel.</param>
    /// <param name="currency">ISO 4217 currency code.</param>
    /// <param name="transactionCount">Number of transactions.</param>
    /// <param name="netAmount">Net amount in minor units.</param>
    /// <param name="tipAmount">Tips in minor units.</param>
    /// <param name="surchargeAmount">Surcharges in minor units.</param>
    /// <param name="taxAmount">Taxes in minor units.</param>
    public static OpenBatch OpenBatch(string? batchNo = null, DateTimeOffset? openedAt = null, string? channelCode = null, string? currency = null, int? transactionCount = null, long? netAmount = null, long? tipAmount = null, long? surchargeAmount = null, long? taxAmount = null) =>
        new() { BatchNo = batchNo, OpenedAt = openedAt, ChannelCode = channelCode, Currency = currency, TransactionCount = transactionCount, NetAmount = netAmount, TipAmount = tipAmount, SurchargeAmount = surchargeAmount, TaxAmount = taxAmount };

    /// <summary>A closed (settled) batch.</summary>
    /// <param name="batchNo">Batch number.</param>
    /// <param name="status">Batch status (<c>S</c> settled).</param>
    /// <param name="closedAt">When the batch was closed.</param>
    /// <param name="terminalSn">The terminal.</param>
    /// <param name="channelCode">The processing channel.</param>
    /// <param name="currency">ISO 4217 currency code.</param>
    /// <param name="transactionCount">Number of transactions.</param>
    /// <param name="netAmount">Net amount in minor units.</param>
    /// <param name="tipAmount">Tips in minor units.</param>
    /// <param name="surchargeAmount">Surcharges in minor units.</param>
    /// <param name="taxAmount">Taxes in minor units.</param>
    /// <param name="mid">The processor's merchant ID.</param>
    /// <param name="tid">The processor's terminal ID.</param>
    public static ClosedBatch ClosedBatch(string? batchNo = null, string? status = null, DateTimeOffset? closedAt = null, string? terminalSn = null, string? channelCode = null, string? currency = null, int? transactionCount = null, long? netAmount = null, long? tipAmount = null, long? surchargeAmount = null, long? taxAmount = null, string? mid = null, string? tid = null) =>
        new() { BatchNo = batchNo, Status = status, ClosedAt = closedAt, TerminalSn = terminalSn, ChannelCode = channelCode, Currency = currency, TransactionCount = transactionCount, NetAmount = netAmount, TipAmount = tipAmount, SurchargeAmount = surchargeAmount, TaxAmount = taxAmount, Mid = mid, Tid = tid };

    /// <summary>The merchant's profile.</summary>
    /// <param name="merchantId">SUNBAY merchant ID.</param>
    /// <param name="dbaName">Trading name.</param>
    /// <param name="isActive">Whether the merchant is active; default <see langword="true"/>.</param>
    /// <param name="mids">The processor merchant IDs by channel (<see cref="ChannelId(string?, string?, string?)"/>).</param>
    /// <param name="mcc">Merchant category code.</param>
    /// <param name="country">ISO 3166-1 alpha-3 country.</param>
    /// <param name="state">State.</param>
    /// <param name="city">City.</param>
    /// <param name="street">Street.</param>
    /// <param name="addressDetail">Address detail.</param>
    /// <param name="zipCode">Postal code.</param>
    /// <param name="createdAt">When the merchant was created.</param>
    public static Merchant Merchant(string? merchantId = null, string? dbaName = null, bool isActive = true, IEnumerable<ChannelId>? mids = null, string? mcc = null, string? country = null, string? state = null, string? city = null, string? street = null, string? addressDetail = null, string? zipCode = null, DateTimeOffset? createdAt = null) =>
        new() { MerchantId = merchantId, DbaName = dbaName, IsActive = isActive, Mids = [.. mids ?? []], Mcc = mcc, Country = country, State = state, City = city, Street = street, AddressDetail = addressDetail, ZipCode = zipCode, CreatedAt = createdAt };

    /// <summary>A terminal bound to the merchant.</summary>
    /// <param name="sn">Serial number (the <c>terminalSn</c> of requests).</param>
    /// <param name="vendor">Vendor.</param>
    /// <param name="model">Model.</param>
    /// <param name="tids">The processor terminal IDs by channel (<see cref="ChannelId(string?, string?, string?)"/>).</param>
    /// <param name="createdAt">When the terminal was bound.</param>
    public static Terminal Terminal(string sn, string? vendor = null, string? model = null, IEnumerable<ChannelId>? tids = null, DateTimeOffset? createdAt = null)
    {
        ArgumentNullException.ThrowIfNull(sn);
        return new() { Sn = sn, Vendor = vendor, Model = model, Tids = [.. tids ?? []], CreatedAt = createdAt };
    }

    /// <summary>A processor-side identifier (MID or TID) of one channel.</summary>
    /// <param name="channelCode">The channel's code.</param>
    /// <param name="channelName">The channel's name.</param>
    /// <param name="id">The MID or TID.</param>
    public static ChannelId ChannelId(string? channelCode = null, string? channelName = null, string? id = null) => new(channelCode, channelName, id);

    /// <summary>A verified webhook, as a handler mapped with <c>MapSunbayWebhooks</c> receives it.</summary>
    /// <param name="transaction">The transaction the webhook reports.</param>
    /// <param name="clientRequestId">The delivery's <c>X-Client-Request-Id</c>; default a new UUID.</param>
    /// <param name="timestamp">The delivery's <c>X-Timestamp</c>; default now.</param>
    public static TransactionNotification TransactionNotification(Transaction transaction, string? clientRequestId = null, DateTimeOffset? timestamp = null) =>
        new(transaction, clientRequestId ?? Guid.NewGuid().ToString(), timestamp ?? DateTimeOffset.UtcNow);

    private static void RequireFinal(Transaction transaction, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(transaction))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(transaction, name);
        if (!transaction.Status.IsFinal)
        {
            throw new ArgumentException($"The transaction an operation completes with must be final (success, fail or closed), not {transaction.Status}.", name);
        }
    }
}
