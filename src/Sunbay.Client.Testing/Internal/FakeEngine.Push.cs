namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Wire;

/// <summary>Push operations (sale ... tip adjust): each checks its body, then asks for a new transaction or acts on an original.</summary>
internal sealed partial class FakeEngine
{
    private FakeAnswer Sale(IncomingRequest request) =>
        Parse<SaleRequest>(request, out var body, b => TimeExpireRule(b.TimeExpire) ?? PaymentMethodRule(b.PaymentMethod, b.CardNetworkType)
            ?? SignatureRule(b.SignatureConfig) ?? TipConfigRule(b.TipConfig))
        ?? NewCardTransaction(FakeEndpoint.Sale, "SALE", body.TransactionRequestId, body.TerminalSn, body.TimeExpire, t =>
        {
            t.ReferenceOrderId = body.ReferenceOrderId;
            t.OrderAmount = body.Amount.OrderAmount;
            t.TipAmount = body.Amount.TipAmount ?? 0;
            t.TaxAmount = body.Amount.TaxAmount ?? 0;
            t.SurchargeAmount = body.Amount.SurchargeAmount ?? 0;
            t.CashbackAmount = body.Amount.CashbackAmount ?? 0;
            Describe(t, body.Description, body.Attach, body.NotifyUrl);
        }, body.Amount.PriceCurrency);

    private FakeAnswer Auth(IncomingRequest request) =>
        Parse<AuthRequest>(request, out var body, b => TimeExpireRule(b.TimeExpire) ?? PaymentMethodRule(b.PaymentMethod, b.CardNetworkType) ?? SignatureRule(b.SignatureConfig))
        ?? NewCardTransaction(FakeEndpoint.Auth, "AUTH", body.TransactionRequestId, body.TerminalSn, body.TimeExpire, t =>
        {
            t.ReferenceOrderId = body.ReferenceOrderId;
            t.OrderAmount = body.Amount.OrderAmount;
            Describe(t, body.Description, body.Attach, body.NotifyUrl);
        }, body.Amount.PriceCurrency);

    private FakeAnswer ForcedAuth(IncomingRequest request) =>
        Parse<ForcedAuthRequest>(request, out var body, b => TimeExpireRule(b.TimeExpire) ?? PaymentMethodRule(b.PaymentMethod, b.CardNetworkType))
        ?? NewCardTransaction(FakeEndpoint.ForcedAuth, "FORCED_AUTH", body.TransactionRequestId, body.TerminalSn, body.TimeExpire, t =>
        {
            t.ReferenceOrderId = body.ReferenceOrderId;
            t.OrderAmount = body.Amount.OrderAmount;
            Describe(t, body.Description, body.Attach, body.NotifyUrl);
        }, body.Amount.PriceCurrency);

    private FakeAnswer IncrementalAuth(IncomingRequest request) =>
        Parse<IncrementalAuthRequest>(request, out var body, OriginalRule)
        ?? NewFollowUp(FakeEndpoint.IncrementalAuth, "INCREMENTAL", body, body.TransactionRequestId, body.TerminalSn, body.PushToTerminal, body.Amount.PriceCurrency,
            original => original.Type != "AUTH" || original.Status != "S" || original.RelatedTransactionStatus is "CAPTURE" or "VOIDED" || original.PendingCapture || original.PendingVoid
                ? Business(FakeSunbayCodes.StatusNotAllowed, "Transaction status not allowed: incremental authorisation needs a successful, uncaptured AUTH")
                : null,
            (t, original) =>
            {
                t.OrderAmount = body.Amount.OrderAmount;
                Describe(t, body.Description, body.Attach, body.NotifyUrl);
            });

    private FakeAnswer PostAuth(IncomingRequest request) =>
        Parse<PostAuthRequest>(request, out var body, b => OriginalRule(b) ?? TipConfigRule(b.TipConfig))
        ?? NewFollowUp(FakeEndpoint.PostAuth, "POST_AUTH", body, body.TransactionRequestId, body.TerminalSn, body.PushToTerminal, body.Amount.PriceCurrency,
            original => original.Type != "AUTH" || original.Status != "S" || original.RelatedTransactionStatus is "CAPTURE" or "VOIDED" || original.PendingCapture || original.PendingVoid
                ? Business(FakeSunbayCodes.StatusNotAllowed, "Transaction status not allowed: post-auth needs a successful, uncaptured AUTH")
                : body.Amount.OrderAmount > original.OrderAmount
                    ? Business(FakeSunbayCodes.ExceedsAuthorizedAmount, $"Capture amount {body.Amount.OrderAmount} exceeds the authorised amount {original.OrderAmount}")
                    : null,
            (t, original) =>
            {
                t.OrderAmount = body.Amount.OrderAmount;
                t.TipAmount = body.Amount.TipAmount ?? 0;
                t.TaxAmount = body.Amount.TaxAmount ?? 0;
                t.SurchargeAmount = body.Amount.SurchargeAmount ?? 0;
                original.PendingCapture = true;
                Describe(t, body.Description, body.Attach, body.NotifyUrl);
            });

    private FakeAnswer Refund(IncomingRequest request)
    {
        if (Parse<RefundRequest>(request, out var body, RefundRule) is { } rejected)
        {
            return rejected;
        }

        var amount = body.Amount;
        if (!IsReferenced(body))
        {
            return NewCardTransaction(FakeEndpoint.Refund, "REFUND", body.TransactionRequestId, body.TerminalSn, body.TimeExpire, t =>
            {
                t.ReferenceOrderId = body.ReferenceOrderId;
                SetRefundAmounts(t, amount);
                Describe(t, body.Description, body.Attach, body.NotifyUrl);
            }, amount.PriceCurrency);
        }

        // The limit counts the documented field only (spec, RefundRequest): the refunds' orderAmount against the
        // original's orderAmount, in progress ones included; components (tip, tax, surcharge, cash back) are not limited.
        return NewFollowUp(FakeEndpoint.Refund, "REFUND", body, body.TransactionRequestId, body.TerminalSn, body.PushToTerminal, amount.PriceCurrency,
            original => original.Type is not ("SALE" or "POST_AUTH" or "FORCED_AUTH") || original.Status != "S" || original.RelatedTransactionStatus == "VOIDED" || original.PendingVoid
                ? Business(FakeSunbayCodes.StatusNotAllowed, "Transaction status not allowed: only a successful sale, post-auth or forced-auth can be refunded")
                : original.RefundedAmount + original.PendingRefunds + amount.OrderAmount > original.OrderAmount
                    ? Business(FakeSunbayCodes.RefundExceedsAmount, $"Refund amount exceeds original transaction amount (orderAmount {original.OrderAmount - original.RefundedAmount - original.PendingRefunds} left of {original.OrderAmount})")
                    : null,
            (t, original) =>
            {
                t.ReferenceOrderId = body.ReferenceOrderId ?? original.ReferenceOrderId;
                SetRefundAmounts(t, amount);
                original.PendingRefunds += t.OrderAmount;
                Describe(t, body.Description, body.Attach, body.NotifyUrl);
            });
    }

    private FakeAnswer Void(IncomingRequest request) =>
        Parse<VoidRequest>(request, out var body, OriginalRule)
        ?? NewFollowUp(FakeEndpoint.Void, "VOID", body, body.TransactionRequestId, body.TerminalSn, body.PushToTerminal, currency: null,
            original => original.Type == "VOID" || original.Status != "S" || original.RelatedTransactionStatus is "VOIDED" or "REFUNDED" or "PART_REFUNDED" or "CAPTURE"
                    || original.PendingVoid || original.PendingRefunds > 0 || original.PendingCapture
                ? Business(FakeSunbayCodes.StatusNotAllowed, "Transaction status not allowed: only a successful transaction that was not voided, refunded or captured can be voided")
                : original.CreatedAt.UtcDateTime.Date != Time.GetUtcNow().UtcDateTime.Date
                    ? Business(FakeSunbayCodes.VoidWindowPassed, "Void is only allowed on the day of the transaction; refund it instead")
                    : null,
            (t, original) =>
            {
                t.ReferenceOrderId = original.ReferenceOrderId;
                t.OrderAmount = original.OrderAmount;
                t.TipAmount = original.TipAmount;
                t.TaxAmount = original.TaxAmount;
                t.SurchargeAmount = original.SurchargeAmount;
                t.CashbackAmount = original.CashbackAmount;
                original.PendingVoid = true;
                Describe(t, body.Description, body.Attach, body.NotifyUrl);
            });

    private FakeAnswer Abort(IncomingRequest request)
    {
        if (Parse<AbortRequest>(request, out var body, OriginalRule) is { } rejected)
        {
            return rejected;
        }

        lock (Gate)
        {
            if (!_terminals.TryGetValue(body.TerminalSn, out var terminal))
            {
                return Business(FakeSunbayCodes.TerminalNotFound, $"Terminal {body.TerminalSn} not found");
            }

            // SUNBAY aborts the transaction named (OriginalRule makes one required), never "whatever the terminal shows".
            var target = FindOriginal(body);
            if (target is null || target.TerminalSn != terminal.Sn)
            {
                return Business(FakeSunbayCodes.TransactionNotFound, "Transaction not found on this terminal");
            }

            if (target.Status != "P")
            {
                return Business(FakeSunbayCodes.StatusNotAllowed, $"Transaction status not allowed: only an unpaid transaction can be aborted (status {target.Status})");
            }

            Finish(target, "C", null, "Aborted by the merchant");
            return Ok(new AbortResponse
            {
                Data = new AbortResult { OriginalTransactionId = target.TransactionId, OriginalTransactionRequestId = target.TransactionRequestId, TransactionStatus = "C" },
            });
        }
    }

    private FakeAnswer TipAdjust(IncomingRequest request)
    {
        if (Parse<TipAdjustRequest>(request, out var body, OriginalRule) is { } rejected)
        {
            return rejected;
        }

        lock (Gate)
        {
            if (!_terminals.ContainsKey(body.TerminalSn))
            {
                return Business(FakeSunbayCodes.TerminalNotFound, $"Terminal {body.TerminalSn} not found");
            }

            if (FindOriginal(body) is not { } original)
            {
                return Business(FakeSunbayCodes.TransactionNotFound, "Original transaction not found");
            }

            if (original.Type is not ("SALE" or "POST_AUTH") || original.Status != "S" || original.RelatedTransactionStatus == "VOIDED" || original.PendingVoid || original.BatchStatus == "C")
            {
                return Business(FakeSunbayCodes.StatusNotAllowed, "Transaction status not allowed: tip adjust needs a successful sale or post-auth that is not voided and whose batch is open");
            }

            original.TipAmount = body.TipAmount;
            return Ok(new TipAdjustResponse
            {
                Data = new TipAdjustResult
                {
                    OriginalTransactionId = string.IsNullOrEmpty(body.OriginalTransactionId) ? null : original.TransactionId,
                    OriginalTransactionRequestId = string.IsNullOrEmpty(body.OriginalTransactionRequestId) ? null : original.TransactionRequestId,
                    TipAmount = body.TipAmount,
                },
            });
        }
    }

    private static void Describe(FakeTransaction transaction, string? description, string? attach, string? notifyUrl)
    {
        transaction.Description = description;
        transaction.Attach = attach;
        transaction.NotifyUrl = notifyUrl;
    }

    private static void SetRefundAmounts(FakeTransaction transaction, RefundAmount amount)
    {
        transaction.OrderAmount = amount.OrderAmount;
        transaction.TipAmount = amount.TipAmount ?? 0;
        transaction.TaxAmount = amount.TaxAmount ?? 0;
        transaction.SurchargeAmount = amount.SurchargeAmount ?? 0;
        transaction.CashbackAmount = amount.CashbackAmount ?? 0;
    }
}
