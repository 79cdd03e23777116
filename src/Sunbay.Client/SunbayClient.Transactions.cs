using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;
using Sunbay.Client.Wire;

namespace Sunbay.Client;

/// <summary>Push operations: every one validates before I/O and returns an operation to await.</summary>
public sealed partial class SunbayClient
{
    /// <inheritdoc/>
    public Task<TransactionOperation> StartSaleAsync(SaleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = CurrentOptions;
        var (appId, merchantId) = Account(request, options);
        RequestRules.ExpiresAt(request.ExpiresAt, TimeProvider.GetUtcNow());
        var expiresAt = request.ExpiresAt ?? DefaultExpiresAt(options);
        RequestRules.PaymentMethod(request.PaymentMethod, request.CardNetworkType);
        RequestRules.Signature(request.SignatureConfig);
        RequestRules.Tip(request.TipConfig);
        var wire = new Wire.SaleRequest
        {
            AppId = appId,
            MerchantId = merchantId,
            TerminalSn = TerminalOf(request.TerminalSn, options),
            ReferenceOrderId = request.ReferenceOrderId,
            TransactionRequestId = request.TransactionRequestId ?? NewTransactionRequestId(),
            Description = request.Description,
            Amount = new Wire.SaleAmount
            {
                OrderAmount = request.Amount,
                PriceCurrency = request.Currency,
                TipAmount = request.TipAmount,
                TaxAmount = request.TaxAmount,
                SurchargeAmount = request.SurchargeAmount,
                CashbackAmount = request.CashbackAmount,
            },
            Attach = request.Attach,
            NotifyUrl = request.NotifyUrl ?? options.NotifyUrl,
            TerminalEventNotifyUrl = request.TerminalEventNotifyUrl,
            TimeExpire = TransactionMapper.ToWire(expiresAt),
            PrintReceipt = PrintReceiptOf(request),
            PaymentMethod = TransactionMapper.ToWire(request.PaymentMethod),
            CardNetworkType = TransactionMapper.ToWire<CardNetworkType, Wire.CardNetworkType>(request.CardNetworkType, "cardNetworkType"),
            SignatureConfig = TransactionMapper.ToWire(request.SignatureConfig),
            TipConfig = TransactionMapper.ToWire(request.TipConfig),
        };
        return DispatchAsync("sale", wire, wire.TransactionRequestId, wire.ReferenceOrderId, wire.TerminalSn, TransactionType.Sale, expiresAt, static (w, r, ct) => w.SaleAsync(r, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<TransactionOperation> StartAuthAsync(AuthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = CurrentOptions;
        var (appId, merchantId) = Account(request, options);
        RequestRules.ExpiresAt(request.ExpiresAt, TimeProvider.GetUtcNow());
        var expiresAt = request.ExpiresAt ?? DefaultExpiresAt(options);
        RequestRules.PaymentMethod(request.PaymentMethod, request.CardNetworkType);
        RequestRules.Signature(request.SignatureConfig);
        var wire = new Wire.AuthRequest
        {
            AppId = appId,
            MerchantId = merchantId,
            TerminalSn = TerminalOf(request.TerminalSn, options),
            ReferenceOrderId = request.ReferenceOrderId,
            TransactionRequestId = request.TransactionRequestId ?? NewTransactionRequestId(),
            Description = request.Description,
            Amount = new Wire.AuthAmount { OrderAmount = request.Amount, PriceCurrency = request.Currency },
            Attach = request.Attach,
            NotifyUrl = request.NotifyUrl ?? options.NotifyUrl,
            TerminalEventNotifyUrl = request.TerminalEventNotifyUrl,
            TimeExpire = TransactionMapper.ToWire(expiresAt),
            PrintReceipt = PrintReceiptOf(request),
            PaymentMethod = TransactionMapper.ToWire(request.PaymentMethod),
            CardNetworkType = TransactionMapper.ToWire<CardNetworkType, Wire.CardNetworkType>(request.CardNetworkType, "cardNetworkType"),
            SignatureConfig = TransactionMapper.ToWire(request.SignatureConfig),
        };
        return DispatchAsync("auth", wire, wire.TransactionRequestId, wire.ReferenceOrderId, wire.TerminalSn, TransactionType.Auth, expiresAt, static (w, r, ct) => w.AuthAsync(r, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<TransactionOperation> StartForcedAuthAsync(ForcedAuthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = CurrentOptions;
        var (appId, merchantId) = Account(request, options);
        RequestRules.ExpiresAt(request.ExpiresAt, TimeProvider.GetUtcNow());
        var expiresAt = request.ExpiresAt ?? DefaultExpiresAt(options);
        RequestRules.PaymentMethod(request.PaymentMethod, request.CardNetworkType);
        var wire = new Wire.ForcedAuthRequest
        {
            AppId = appId,
            MerchantId = merchantId,
            TerminalSn = TerminalOf(request.TerminalSn, options),
            ReferenceOrderId = request.ReferenceOrderId,
            TransactionRequestId = request.TransactionRequestId ?? NewTransactionRequestId(),
            Description = request.Description,
            Amount = new Wire.AuthAmount { OrderAmount = request.Amount, PriceCurrency = request.Currency },
            Attach = request.Attach,
            NotifyUrl = request.NotifyUrl ?? options.NotifyUrl,
            TerminalEventNotifyUrl = request.TerminalEventNotifyUrl,
            TimeExpire = TransactionMapper.ToWire(expiresAt),
            PrintReceipt = PrintReceiptOf(request),
            PaymentMethod = TransactionMapper.ToWire(request.PaymentMethod),
            CardNetworkType = TransactionMapper.ToWire<CardNetworkType, Wire.CardNetworkType>(request.CardNetworkType, "cardNetworkType"),
        };
        return DispatchAsync("forced-auth", wire, wire.TransactionRequestId, wire.ReferenceOrderId, wire.TerminalSn, TransactionType.ForcedAuth, expiresAt, static (w, r, ct) => w.ForcedAuthAsync(r, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<TransactionOperation> StartIncrementalAuthAsync(IncrementalAuthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = CurrentOptions;
        var (appId, merchantId) = Account(request, options);
        RequestRules.Original(request.OriginalTransactionId, request.OriginalTransactionRequestId);
        var wire = new Wire.IncrementalAuthRequest
        {
            AppId = appId,
            MerchantId = merchantId,
            TerminalSn = TerminalOf(request.TerminalSn, options),
            OriginalTransactionId = NullIfEmpty(request.OriginalTransactionId),
            OriginalTransactionRequestId = NullIfEmpty(request.OriginalTransactionRequestId),
            TransactionRequestId = request.TransactionRequestId ?? NewTransactionRequestId(),
            Description = request.Description ?? DefaultDescription.IncrementalAuth,
            Amount = new Wire.AuthAmount { OrderAmount = request.Amount, PriceCurrency = request.Currency },
            Attach = request.Attach,
            NotifyUrl = request.NotifyUrl ?? options.NotifyUrl,
            TerminalEventNotifyUrl = request.TerminalEventNotifyUrl,
            PrintReceipt = PrintReceiptOf(request),
            PushToTerminal = request.PushToTerminal,
        };
        return DispatchAsync("incremental-auth", wire, wire.TransactionRequestId, null, wire.TerminalSn, TransactionType.Incremental, null, static (w, r, ct) => w.IncrementalAuthAsync(r, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<TransactionOperation> StartPostAuthAsync(PostAuthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = CurrentOptions;
        var (appId, merchantId) = Account(request, options);
        RequestRules.Original(request.OriginalTransactionId, request.OriginalTransactionRequestId);
        RequestRules.Tip(request.TipConfig);
        var wire = new Wire.PostAuthRequest
        {
            AppId = appId,
            MerchantId = merchantId,
            TerminalSn = TerminalOf(request.TerminalSn, options),
            OriginalTransactionId = NullIfEmpty(request.OriginalTransactionId),
            OriginalTransactionRequestId = NullIfEmpty(request.OriginalTransactionRequestId),
            TransactionRequestId = request.TransactionRequestId ?? NewTransactionRequestId(),
            Description = request.Description ?? DefaultDescription.PostAuth,
            Amount = new Wire.PostAuthAmount
            {
                OrderAmount = request.Amount,
                PriceCurrency = request.Currency,
                TipAmount = request.TipAmount,
                TaxAmount = request.TaxAmount,
                SurchargeAmount = request.SurchargeAmount,
            },
            Attach = request.Attach,
            NotifyUrl = request.NotifyUrl ?? options.NotifyUrl,
            TerminalEventNotifyUrl = request.TerminalEventNotifyUrl,
            PrintReceipt = PrintReceiptOf(request),
            PushToTerminal = request.PushToTerminal,
            TipConfig = TransactionMapper.ToWire(request.TipConfig),
        };
        return DispatchAsync("post-auth", wire, wire.TransactionRequestId, null, wire.TerminalSn, TransactionType.PostAuth, null, static (w, r, ct) => w.PostAuthAsync(r, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<TransactionOperation> StartRefundAsync(RefundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = CurrentOptions;
        var (appId, merchantId) = Account(request, options);
        RequestRules.Refund(request);
        RequestRules.ExpiresAt(request.ExpiresAt, TimeProvider.GetUtcNow());
        var expiresAt = request.IsReferenced ? request.ExpiresAt : request.ExpiresAt ?? DefaultExpiresAt(options);
        RequestRules.PaymentMethod(request.PaymentMethod, request.CardNetworkType);
        RequestRules.Signature(request.SignatureConfig);
        var wire = new Wire.RefundRequest
        {
            AppId = appId,
            MerchantId = merchantId,
            TerminalSn = TerminalOf(request.TerminalSn, options),
            OriginalTransactionId = NullIfEmpty(request.OriginalTransactionId),
            OriginalTransactionRequestId = NullIfEmpty(request.OriginalTransactionRequestId),
            ReferenceOrderId = NullIfEmpty(request.ReferenceOrderId),
            TransactionRequestId = request.TransactionRequestId ?? NewTransactionRequestId(),
            Description = request.Description ?? DefaultDescription.Refund,
            Amount = new Wire.RefundAmount
            {
                OrderAmount = request.Amount,
                PriceCurrency = request.Currency,
                TipAmount = request.TipAmount,
                TaxAmount = request.TaxAmount,
                SurchargeAmount = request.SurchargeAmount,
                CashbackAmount = request.CashbackAmount,
            },
            Attach = request.Attach,
            NotifyUrl = request.NotifyUrl ?? options.NotifyUrl,
            TerminalEventNotifyUrl = request.TerminalEventNotifyUrl,
            PrintReceipt = PrintReceiptOf(request),
            PushToTerminal = request.PushToTerminal,
            TimeExpire = TransactionMapper.ToWire(expiresAt),
            PaymentMethod = TransactionMapper.ToWire(request.PaymentMethod),
            CardNetworkType = TransactionMapper.ToWire<CardNetworkType, Wire.CardNetworkType>(request.CardNetworkType, "cardNetworkType"),
            SignatureConfig = TransactionMapper.ToWire(request.SignatureConfig),
        };
        return DispatchAsync("refund", wire, wire.TransactionRequestId, wire.ReferenceOrderId, wire.TerminalSn, TransactionType.Refund, expiresAt, static (w, r, ct) => w.RefundAsync(r, ct), cancellationToken,
            guard: ct => GuardRefundableAsync(request, ct));
    }

    /// <inheritdoc/>
    public Task<TransactionOperation> StartVoidAsync(VoidRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = CurrentOptions;
        var (appId, merchantId) = Account(request, options);
        RequestRules.Original(request.OriginalTransactionId, request.OriginalTransactionRequestId);
        var wire = new Wire.VoidRequest
        {
            AppId = appId,
            MerchantId = merchantId,
            TerminalSn = TerminalOf(request.TerminalSn, options),
            OriginalTransactionId = NullIfEmpty(request.OriginalTransactionId),
            OriginalTransactionRequestId = NullIfEmpty(request.OriginalTransactionRequestId),
            TransactionRequestId = request.TransactionRequestId ?? NewTransactionRequestId(),
            Description = request.Description ?? DefaultDescription.Void,
            Attach = request.Attach,
            NotifyUrl = request.NotifyUrl ?? options.NotifyUrl,
            TerminalEventNotifyUrl = request.TerminalEventNotifyUrl,
            PrintReceipt = PrintReceiptOf(request),
            PushToTerminal = request.PushToTerminal,
        };
        return DispatchAsync("void", wire, wire.TransactionRequestId, null, wire.TerminalSn, TransactionType.Void, null, static (w, r, ct) => w.VoidAsync(r, ct), cancellationToken);
    }

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
        WireValidator.Validate(wire);

        var envelope = await CallAsync("abort", wire.OriginalTransactionRequestId, isPost: true, (w, ct) => w.AbortAsync(wire, ct), cancellationToken).ConfigureAwait(false);
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
        WireValidator.Validate(wire);

        var envelope = await CallAsync("tip-adjust", wire.OriginalTransactionRequestId, isPost: true, (w, ct) => w.TipAdjustAsync(wire, ct), cancellationToken).ConfigureAwait(false);
        return TransactionMapper.FromWire(envelope.Data);
    }

    private async Task<TransactionOperation> DispatchAsync<TWire>(
        string operation,
        TWire wire,
        string transactionRequestId,
        string? referenceOrderId,
        string terminalSn,
        TransactionType type,
        DateTimeOffset? expiresAt,
        Func<ISunbayWireClient, TWire, CancellationToken, Task<TransactionDispatchResponse>> send,
        CancellationToken cancellationToken,
        Func<CancellationToken, Task>? guard = null)
        where TWire : class
    {
        // Every rule first: a guard may query SUNBAY, and nothing leaves the process for an invalid request.
        ValidateWire(wire);
        if (guard is not null)
        {
            await guard(cancellationToken).ConfigureAwait(false);
        }

        var dispatchedAt = TimeProvider.GetUtcNow();
        var envelope = await CallAsync(operation, transactionRequestId, isPost: true, (w, ct) => send(w, wire, ct), cancellationToken).ConfigureAwait(false);
        var dispatched = TransactionMapper.FromDispatch(envelope.Data, transactionRequestId, referenceOrderId, terminalSn, type);
        return new TransactionOperation(this, dispatched.TransactionRequestId, dispatched, expiresAt ?? dispatchedAt.AddDays(1));
    }

    private static Wire.PrintReceipt? PrintReceiptOf(PushRequest request) =>
        TransactionMapper.ToWire<PrintReceipt, Wire.PrintReceipt>(request.PrintReceipt, "printReceipt");
}
