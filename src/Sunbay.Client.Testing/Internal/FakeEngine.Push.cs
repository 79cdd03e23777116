using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Wire;

/// <summary>Push operations (sale ... tip adjust) and the terminal simulation.</summary>
internal sealed partial class FakeEngine
{
    private static readonly Regex TimeExpireFormat = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", RegexOptions.CultureInvariant);
    private static readonly TimeSpan ExpiryTolerance = TimeSpan.FromSeconds(1);

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

    /// <summary>A card-reading push (sale, auth, forced-auth, unreferenced refund): always on the terminal, amount table applies.</summary>
    private FakeAnswer NewCardTransaction(FakeEndpoint endpoint, string type, string transactionRequestId, string terminalSn, string? timeExpire, Action<FakeTransaction> fill, string currency)
    {
        lock (Gate)
        {
            if (Replay(endpoint, transactionRequestId) is { } replay)
            {
                return replay;
            }

            if (!_terminals.TryGetValue(terminalSn, out var terminal))
            {
                return Business(FakeSunbayCodes.TerminalNotFound, $"Terminal {terminalSn} not found");
            }

            if (terminal.InFlight is { } busy)
            {
                return Business(FakeSunbayCodes.TerminalBusy, $"Terminal {terminalSn} is busy with transaction {busy.TransactionId}");
            }

            var now = Time.GetUtcNow();
            var transaction = Create(type, transactionRequestId, terminalSn, currency, now);
            transaction.ExpiresAt = timeExpire is null ? now.AddDays(1) : DateTimeOffset.ParseExact(timeExpire, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            fill(transaction);
            Dispatch(terminal, transaction);
            var data = new TransactionDispatchResult
            {
                TransactionId = transaction.TransactionId,
                TransactionStatus = "P",
                ReferenceOrderId = transaction.ReferenceOrderId,
                TransactionRequestId = transactionRequestId,
            };
            _replays[transactionRequestId] = (endpoint, data);
            return Ok(new TransactionDispatchResponse { Data = data });
        }
    }

    /// <summary>An operation on an existing transaction (incremental, post-auth, referenced refund, void).</summary>
    private FakeAnswer NewFollowUp(FakeEndpoint endpoint, string type, IOriginalReference reference, string transactionRequestId, string terminalSn, bool? pushToTerminal, string? currency,
        Func<FakeTransaction, FakeAnswer?> check, Action<FakeTransaction, FakeTransaction> fill)
    {
        lock (Gate)
        {
            if (Replay(endpoint, transactionRequestId) is { } replay)
            {
                return replay;
            }

            if (!_terminals.TryGetValue(terminalSn, out var terminal))
            {
                return Business(FakeSunbayCodes.TerminalNotFound, $"Terminal {terminalSn} not found");
            }

            if (FindOriginal(reference) is not { } original)
            {
                return Business(FakeSunbayCodes.TransactionNotFound, "Original transaction not found");
            }

            if (currency is not null && !string.Equals(currency, original.Currency, StringComparison.Ordinal))
            {
                return Business(FakeSunbayCodes.CurrencyMismatch, $"Currency {currency} differs from the original transaction's {original.Currency}");
            }

            if (check(original) is { } refused)
            {
                return refused;
            }

            var pushed = pushToTerminal != false;
            if (pushed && terminal.InFlight is { } busy)
            {
                return Business(FakeSunbayCodes.TerminalBusy, $"Terminal {terminalSn} is busy with transaction {busy.TransactionId}");
            }

            var now = Time.GetUtcNow();
            var transaction = Create(type, transactionRequestId, terminalSn, original.Currency, now);
            transaction.ExpiresAt = now.AddDays(1);
            transaction.Original = original;
            transaction.OriginalTransactionId = original.TransactionId;
            transaction.OriginalTransactionRequestId = original.TransactionRequestId;
            fill(transaction, original);
            if (pushed)
            {
                Dispatch(terminal, transaction);
            }
            else
            {
                // pushToTerminal=false: processed in the back end at once, no card and no terminal involved.
                Finish(transaction, "S", "000", "Approved");
            }

            var data = new TransactionDispatchResult
            {
                TransactionId = transaction.TransactionId,
                TransactionStatus = transaction.Status,
                ReferenceOrderId = type == "REFUND" ? transaction.ReferenceOrderId : null,
                TransactionRequestId = transactionRequestId,
                OriginalTransactionId = string.IsNullOrEmpty(reference.OriginalTransactionId) ? null : original.TransactionId,
                OriginalTransactionRequestId = string.IsNullOrEmpty(reference.OriginalTransactionRequestId) ? null : original.TransactionRequestId,
            };
            _replays[transactionRequestId] = (endpoint, data);
            return Ok(new TransactionDispatchResponse { Data = data });
        }
    }

    private FakeAnswer? Replay(FakeEndpoint endpoint, string transactionRequestId)
    {
        if (!_replays.TryGetValue(transactionRequestId, out var first))
        {
            return null;
        }

        if (first.Endpoint != endpoint)
        {
            return Business(FakeSunbayCodes.TransactionRequestIdReused, $"transactionRequestId {transactionRequestId} was already used by another operation");
        }

        return first.Data switch
        {
            TransactionDispatchResult dispatch => Ok(new TransactionDispatchResponse { Data = dispatch }),
            BatchCloseResult closed => Ok(new BatchCloseResponse { Data = closed }),
            _ => throw new InvalidOperationException("Unknown replay data."),
        };
    }

    private FakeTransaction Create(string type, string transactionRequestId, string terminalSn, string currency, DateTimeOffset now)
    {
        var transaction = new FakeTransaction(NextTransactionId(), transactionRequestId, type, terminalSn, currency, now);
        _byId.Add(transaction.TransactionId, transaction);
        _byRequestId[transactionRequestId] = transaction;
        _transactions.Add(transaction);
        return transaction;
    }

    /// <summary>Puts the transaction on the terminal: the card comes after the delay, the expiry closes it if it never does.</summary>
    private void Dispatch(FakeTerminal terminal, FakeTransaction transaction)
    {
        transaction.PushedToTerminal = true;
        transaction.Script = terminal.TakeScript();
        terminal.InFlight = transaction;
        var delay = terminal.CardPresentDelay ?? _options.CardPresentDelay;
        transaction.CardTimer = Time.CreateTimer(OnCardPresented, transaction, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
        var untilExpiry = transaction.ExpiresAt - Time.GetUtcNow();
        transaction.ExpiryTimer = Time.CreateTimer(OnExpired, transaction, untilExpiry < TimeSpan.Zero ? TimeSpan.Zero : untilExpiry, Timeout.InfiniteTimeSpan);
    }

    private void OnCardPresented(object? state)
    {
        lock (Gate)
        {
            if (!_disposed && state is FakeTransaction { Status: "P" } transaction)
            {
                Resolve(transaction, forced: false);
            }
        }
    }

    private void OnExpired(object? state)
    {
        lock (Gate)
        {
            if (!_disposed && state is FakeTransaction { Status: "P" } transaction)
            {
                Finish(transaction, "C", null, "Transaction expired");
            }
        }
    }

    public bool PresentCard(FakeTerminal terminal)
    {
        lock (Gate)
        {
            if (terminal.InFlight is not { Status: "P" } transaction)
            {
                return false;
            }

            Resolve(transaction, forced: true);
            return true;
        }
    }

    /// <summary>The cardholder acts: the script decides, else the sandbox amount table (for card-reading operations).</summary>
    private void Resolve(FakeTransaction transaction, bool forced)
    {
        var script = transaction.Script;
        switch (script?.Outcome)
        {
            case FakeCardOutcome.NeverPresentsCard when !forced:
                return;
            case FakeCardOutcome.Approve:
                transaction.CardRead = true;
                Finish(transaction, "S", "000", "Approved");
                return;
            case FakeCardOutcome.Decline:
                transaction.CardRead = true;
                Finish(transaction, "F", script.ResultCode, script.ResultMessage);
                return;
            case FakeCardOutcome.CustomerCancels:
                Finish(transaction, "C", null, script.ResultMessage);
                return;
        }

        transaction.CardRead = true;
        var usesAmountTable = transaction.Original is null || transaction.Type == "INCREMENTAL";
        if (usesAmountTable && SandboxAmounts.TryDecline(transaction.OrderAmount, out var code, out var message))
        {
            Finish(transaction, "F", code, message);
        }
        else
        {
            Finish(transaction, "S", "000", "Approved");
        }
    }

    /// <summary>Makes a transaction final, applies its effect on the original, frees the terminal and sends the webhook.</summary>
    private void Finish(FakeTransaction transaction, string status, string? resultCode, string? resultMessage)
    {
        transaction.CardTimer?.Dispose();
        transaction.ExpiryTimer?.Dispose();
        var now = Time.GetUtcNow();
        transaction.Status = status;
        transaction.CompletedAt = now;
        transaction.ResultCode = resultCode;
        transaction.ResultMessage = resultMessage;
        var sequence = NextSequence();
        if (status != "C")
        {
            transaction.Stan = (sequence % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            transaction.Rrn = (now.ToUnixTimeSeconds() % 1_000_000 * 1_000_000 + sequence % 1_000_000).ToString("D12", CultureInfo.InvariantCulture);
            transaction.VoucherNo = transaction.Stan;
            transaction.MaskedPan = transaction.Original?.MaskedPan ?? "411111****1111";
        }

        var original = transaction.Original;
        if (status == "S")
        {
            transaction.AuthCode = (100000 + (sequence * 7919 % 900000)).ToString("D6", CultureInfo.InvariantCulture);
            if (transaction.Type is "SALE" or "FORCED_AUTH" or "POST_AUTH" or "REFUND")
            {
                transaction.BatchStatus = "U";
                transaction.BatchNo = _terminals[transaction.TerminalSn].BatchNumber.ToString("D6", CultureInfo.InvariantCulture);
            }
        }

        if (original is not null)
        {
            switch (transaction.Type)
            {
                case "REFUND":
                    original.PendingRefunds -= transaction.OrderAmount;
                    if (status == "S")
                    {
                        original.RefundedAmount += transaction.OrderAmount;
                        original.RelatedTransactionStatus = original.RefundedAmount >= original.OrderAmount ? "REFUNDED" : "PART_REFUNDED";
                    }

                    break;
                case "VOID":
                    original.PendingVoid = false;
                    if (status == "S")
                    {
                        original.RelatedTransactionStatus = "VOIDED";
                        if (original.BatchStatus == "U")
                        {
                            original.BatchStatus = "N";
                        }
                    }

                    break;
                case "POST_AUTH":
                    original.PendingCapture = false;
                    if (status == "S")
                    {
                        original.RelatedTransactionStatus = "CAPTURE";
                    }

                    break;
                case "INCREMENTAL":
                    if (status == "S")
                    {
                        original.OrderAmount += transaction.OrderAmount;
                        original.RelatedTransactionStatus = "INCREMENTAL";
                    }

                    break;
            }
        }

        if (_terminals.TryGetValue(transaction.TerminalSn, out var terminal) && ReferenceEquals(terminal.InFlight, transaction))
        {
            terminal.InFlight = null;
        }

        if (!string.IsNullOrEmpty(transaction.NotifyUrl))
        {
            var body = JsonSerializer.Serialize(Detail(transaction), FakeWireJson.Info<TransactionDetail>());
            _webhooks.Notify(transaction.NotifyUrl, body, transaction.TransactionId, transaction.TransactionRequestId, status);
        }
    }

    private FakeTransaction? FindOriginal(IOriginalReference reference) =>
        !string.IsNullOrEmpty(reference.OriginalTransactionId)
            ? _byId.GetValueOrDefault(reference.OriginalTransactionId)
            : !string.IsNullOrEmpty(reference.OriginalTransactionRequestId) ? _byRequestId.GetValueOrDefault(reference.OriginalTransactionRequestId) : null;

    private static bool IsReferenced(IOriginalReference reference) =>
        !string.IsNullOrEmpty(reference.OriginalTransactionId) || !string.IsNullOrEmpty(reference.OriginalTransactionRequestId);

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

    // ---- cross-field rules (documented, not expressible in the spec) ----
    // Every method named *Rule below is one rule family; Sunbay.Client.Tests' FakeRuleCoverageTests holds a
    // public request breaking each one and fails when a rule here has no case there.

    /// <summary>Follow-ups (incremental, post-auth, void, tip adjust, abort) name their original; blanks are refused by the spec's patterns.</summary>
    private static string? OriginalRule(IOriginalReference reference) =>
        IsReferenced(reference) ? null : "originalTransactionId or originalTransactionRequestId is required";

    private string? RefundRule(RefundRequest body)
    {
        if (!IsReferenced(body))
        {
            return string.IsNullOrEmpty(body.ReferenceOrderId)
                ? "referenceOrderId is required for a refund without originalTransactionId or originalTransactionRequestId"
                : TimeExpireRule(body.TimeExpire) ?? PaymentMethodRule(body.PaymentMethod, body.CardNetworkType) ?? SignatureRule(body.SignatureConfig);
        }

        return body.PaymentMethod is not null ? "paymentMethod applies only to a refund without an original transaction"
            : body.CardNetworkType is not null ? "cardNetworkType applies only to a refund without an original transaction"
            : body.TimeExpire is not null ? "timeExpire applies only to a refund without an original transaction"
            : body.SignatureConfig is not null ? "signatureConfig applies only to a refund without an original transaction"
            : null;
    }

    /// <summary><c>timeExpire</c>: <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c>, 3 minutes to 1 day ahead (one second of tolerance for the dropped fraction).</summary>
    private string? TimeExpireRule(string? timeExpire)
    {
        if (timeExpire is null)
        {
            return null;
        }

        if (!TimeExpireFormat.IsMatch(timeExpire)
            || !DateTimeOffset.TryParseExact(timeExpire, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return "timeExpire must be yyyy-MM-ddTHH:mm:ss±hh:mm";
        }

        var ahead = at - Time.GetUtcNow();
        return ahead < TimeSpan.FromMinutes(3) - ExpiryTolerance || ahead > TimeSpan.FromDays(1) + ExpiryTolerance
            ? "timeExpire must be 3 minutes to 1 day from now"
            : null;
    }

    private static string? PaymentMethodRule(PaymentMethod? method, CardNetworkType? networkType)
    {
        if (method?.SubId is not null && (method.Category != PaymentMethodCategory.Ebt || !string.Equals(method.Id, "EBT", StringComparison.Ordinal)))
        {
            return "paymentMethod.subId is allowed only with paymentMethod.category EBT and paymentMethod.id EBT";
        }

        return networkType is not null && method?.Category != PaymentMethodCategory.Card
            ? "cardNetworkType is allowed only with paymentMethod.category CARD"
            : null;
    }

    /// <summary>
    /// Webhook URLs are absolute https (SUNBAY asks for a public HTTPS notifyUrl); plain http is served to loopback
    /// only, so that tests and local development receive the fake's webhooks.
    /// </summary>
    private static string? WebhookUrlRule(IPushWire targets) =>
        WebhookUrlProblem(targets.NotifyUrl, "notifyUrl") ?? WebhookUrlProblem(targets.TerminalEventNotifyUrl, "terminalEventNotifyUrl");

    private static string? WebhookUrlProblem(string? url, string field) =>
        url is null ? null
        : !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            ? $"{field} must be an absolute https URL (plain http only to a loopback address)"
            : null;

    private static string? SignatureRule(SignatureConfig? signature) =>
        signature is { UseHostConfig: false, EntryLocation: null } ? "signatureConfig.entryLocation is required when useHostConfig is false" : null;

    /// <summary>One suggestions object: values finite and at least 0, names (when given with items) one per value; checked even with useHostConfig.</summary>
    private static string? TipConfigRule(TipConfig? tip)
    {
        if (tip?.Suggestions is not { } suggestion)
        {
            return null;
        }

        if (suggestion.Values.Any(v => !double.IsFinite(v) || v < 0))
        {
            return "tipConfig.suggestions.values must hold finite numbers of at least 0";
        }

        return suggestion.Names is { Count: > 0 } names && names.Count != suggestion.Values.Count
            ? string.Create(CultureInfo.InvariantCulture, $"tipConfig.suggestions.names must have as many items as values ({names.Count} vs {suggestion.Values.Count})")
            : null;
    }
}
