using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;
using Sunbay.Client.Wire;

namespace Sunbay.Client;

/// <summary>Push operations: one path validates each before I/O and returns an operation to await.</summary>
public sealed partial class SunbayClient
{
    /// <inheritdoc/>
    public Task<TransactionOperation> StartSaleAsync(SaleRequest request, CancellationToken cancellationToken = default) => PushAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<TransactionOperation> StartAuthAsync(AuthRequest request, CancellationToken cancellationToken = default) => PushAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<TransactionOperation> StartForcedAuthAsync(ForcedAuthRequest request, CancellationToken cancellationToken = default) => PushAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<TransactionOperation> StartIncrementalAuthAsync(IncrementalAuthRequest request, CancellationToken cancellationToken = default) => PushAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<TransactionOperation> StartPostAuthAsync(PostAuthRequest request, CancellationToken cancellationToken = default) => PushAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<TransactionOperation> StartRefundAsync(RefundRequest request, CancellationToken cancellationToken = default) => PushAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<TransactionOperation> StartVoidAsync(VoidRequest request, CancellationToken cancellationToken = default) => PushAsync(request, cancellationToken);

    /// <inheritdoc/>
    public async Task<TransactionOperation> StartAbortAsync(AbortRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = CurrentOptions;
        var (appId, merchantId) = Account(request, options);
        RequestRules.Original(request.OriginalTransactionId, request.OriginalTransactionRequestId);
        var wire = new Wire.AbortRequest
        {
            AppId = appId,
            MerchantId = merchantId,
            TerminalSn = TerminalOf(request.TerminalSn, options),
            OriginalTransactionId = request.OriginalTransactionId,
            OriginalTransactionRequestId = request.OriginalTransactionRequestId,
            Description = request.Description ?? DefaultDescription.Abort,
            Attach = request.Attach,
        };
        Validate(wire);

        var envelope = await SendAsync(SunbayWireApi.Abort, SunbayWireApi.Abort.Path, wire, wire.OriginalTransactionRequestId, cancellationToken).ConfigureAwait(false);
        var requestId = wire.OriginalTransactionRequestId ?? NullIfEmpty(envelope.Data?.OriginalTransactionRequestId);
        var transactionId = wire.OriginalTransactionId ?? NullIfEmpty(envelope.Data?.OriginalTransactionId);

        var state = new Transaction
        {
            TransactionRequestId = requestId ?? string.Empty,
            TransactionId = transactionId,
            Status = TransactionStatus.Parse(envelope.Data?.TransactionStatus),
            TerminalSn = wire.TerminalSn,
        };
        return new TransactionOperation(this, requestId, state, expiresAt: null);
    }

    /// <inheritdoc/>
    public async Task<TipAdjustResult> TipAdjustAsync(TipAdjustRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = CurrentOptions;
        var (appId, merchantId) = Account(request, options);
        RequestRules.Original(request.OriginalTransactionId, request.OriginalTransactionRequestId);
        var wire = new Wire.TipAdjustRequest
        {
            AppId = appId,
            MerchantId = merchantId,
            TerminalSn = TerminalOf(request.TerminalSn, options),
            OriginalTransactionId = NullIfEmpty(request.OriginalTransactionId),
            OriginalTransactionRequestId = NullIfEmpty(request.OriginalTransactionRequestId),
            TipAmount = request.TipAmount,
            Attach = request.Attach,
        };
        Validate(wire);

        var envelope = await SendAsync(SunbayWireApi.TipAdjust, SunbayWireApi.TipAdjust.Path, wire, wire.OriginalTransactionRequestId, cancellationToken).ConfigureAwait(false);
        return TransactionMapper.FromWire(envelope.Data);
    }

    /// <summary>
    /// The one push path: <see cref="PreparePush"/> (every rule, nothing sent), then <see cref="SendPushAsync"/> (one
    /// POST, never retried). Nothing leaves the process for an invalid request.
    /// </summary>
    private Task<TransactionOperation> PushAsync(PushRequest request, CancellationToken cancellationToken) =>
        SendPushAsync(PreparePush(request), cancellationToken);

    /// <summary>
    /// Everything before the POST: the request's own rules, its wire body (shared fields filled here, once) and the
    /// spec's rules on that body. Sends nothing; throws <see cref="PaymentsValidationException"/> for an invalid request.
    /// </summary>
    private PreparedPush PreparePush(PushRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = CurrentOptions;
        var (appId, merchantId) = Account(request, options);
        request.CheckRules();
        RequestRules.ExpiresAt(request.RequestedExpiry, TimeProvider.GetUtcNow());
        var expiresAt = request.TakesExpiry ? request.RequestedExpiry ?? DefaultExpiresAt(options) : request.RequestedExpiry;
        var (endpoint, wire) = request.ToWire();
        wire.AppId = appId;
        wire.MerchantId = merchantId;
        wire.TerminalSn = TerminalOf(request.TerminalSn, options);
        wire.TransactionRequestId = request.TransactionRequestId ?? NewTransactionRequestId();
        wire.Attach = request.Attach;
        wire.NotifyUrl = request.NotifyUrl ?? options.NotifyUrl;
        wire.TerminalEventNotifyUrl = request.TerminalEventNotifyUrl;
        wire.PrintReceipt = TransactionMapper.ToWire(request.PrintReceipt, Wire.PrintReceipt.FromName, "printReceipt");
        if (wire is IExpiringWire expiring)
        {
            expiring.TimeExpire = TransactionMapper.ToWire(expiresAt);
        }

        if (wire is ICardWire card && request is ICardChoice choice)
        {
            card.PaymentMethod = TransactionMapper.ToWire(choice.PaymentMethod);
            card.CardNetworkType = TransactionMapper.ToWire(choice.CardNetworkType, Wire.CardNetworkType.FromName, "cardNetworkType");
        }

        if (wire is IOriginalWire original && request is OriginalTransactionRequest follows)
        {
            original.OriginalTransactionId = NullIfEmpty(follows.OriginalTransactionId);
            original.OriginalTransactionRequestId = NullIfEmpty(follows.OriginalTransactionRequestId);
            original.PushToTerminal = follows.PushToTerminal;
        }

        Validate(wire);
        return new PreparedPush(request, endpoint, wire, expiresAt);
    }

    /// <summary>A refund's guard (it queries SUNBAY, so after every rule), then one POST, never retried.</summary>
    private Task<TransactionOperation> SendPushAsync(PreparedPush push, CancellationToken cancellationToken) =>
        push.Request is RefundRequest refund ? SendRefundAsync(refund, push, cancellationToken) : DispatchAsync(push, cancellationToken);

    private async Task<TransactionOperation> SendRefundAsync(RefundRequest refund, PreparedPush push, CancellationToken cancellationToken)
    {
        await GuardRefundableAsync(refund, cancellationToken).ConfigureAwait(false);
        return await DispatchAsync(push, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The POST, then its answer read by <see cref="DispatchedAsync"/>, which is handed only what reading it needs: an
    /// async method keeps every parameter in its state machine, which a socket's answer boxes on every call. The pipeline
    /// never throws from <c>SendAsync</c> itself: a failure is in the task, as before.
    /// </summary>
    private Task<TransactionOperation> DispatchAsync(PreparedPush push, CancellationToken cancellationToken)
    {
        var (request, endpoint, wire, expiresAt) = push;
        var deadline = expiresAt ?? TimeProvider.GetUtcNow().AddDays(1);
        return DispatchedAsync(SendAsync(endpoint, endpoint.Path, wire, wire.TransactionRequestId, cancellationToken), wire, request.Type, deadline);
    }

    private async Task<TransactionOperation> DispatchedAsync(Task<TransactionDispatchResponse> sent, IPushWire wire, TransactionType type, DateTimeOffset expiresAt)
    {
        var answer = await sent.ConfigureAwait(false);
        var dispatched = TransactionMapper.FromDispatch(answer.Data, wire.TransactionRequestId, (wire as IOrderWire)?.ReferenceOrderId, wire.TerminalSn, type);
        return new TransactionOperation(this, dispatched.TransactionRequestId, dispatched, expiresAt);
    }

    /// <summary>A push checked and turned into its wire body, ready to send (a struct: it only crosses one call).</summary>
    private readonly record struct PreparedPush(PushRequest Request, IWireEndpoint<TransactionDispatchResponse> Endpoint, IPushWire Wire, DateTimeOffset? ExpiresAt);
}
