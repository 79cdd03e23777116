using Sunbay.Client;
using Sunbay.Client.Webhooks;

namespace Sunbay.Cli;

/// <summary>The state of one checklist item.</summary>
internal enum GoLiveStatus
{
    Passed,
    Failed,
    NotChecked,
}

/// <summary>One line of the checklist.</summary>
/// <param name="Name">The item, one of the <see cref="GoLiveCheck"/> constants.</param>
/// <param name="Status">Passed, failed or not checked.</param>
/// <param name="Detail">What was seen, or what to fix.</param>
/// <param name="Elapsed">How long the item took.</param>
/// <param name="Reference">What to quote to SUNBAY support: <c>traceId …</c>, or a webhook's <c>X-Client-Request-Id …</c>.</param>
internal sealed record GoLiveItemResult(string Name, GoLiveStatus Status, string Detail, TimeSpan Elapsed, string? Reference);

/// <summary>The whole checklist.</summary>
internal sealed record GoLiveReport(IReadOnlyList<GoLiveItemResult> Items)
{
    public bool Passed => Items.All(i => i.Status != GoLiveStatus.Failed);

    public GoLiveItemResult this[string name] => Items.Single(i => i.Name == name);
}

/// <summary>Settings of a <see cref="GoLiveCheck"/>.</summary>
internal sealed class GoLiveOptions
{
    /// <summary>The default <see cref="MaxAmount"/>: 100 minor units (1.00).</summary>
    public const long DefaultMaxAmount = 100;

    /// <summary>Amount of each sale, in minor units. Default 100 (1.00).</summary>
    public long Amount { get; init; } = 100;

    /// <summary>The most a go-live sale may be (configuration <c>Sunbay:GoLive:MaxAmount</c>).</summary>
    public long MaxAmount { get; init; } = DefaultMaxAmount;

    public string Currency { get; init; } = "USD";

    /// <summary>The terminal; default the client's configured one.</summary>
    public string? TerminalSn { get; init; }

    /// <summary>The receiver's inbox, or <see langword="null"/> when no notify URL is configured (webhook items not checked).</summary>
    public WebhookInbox? Webhooks { get; init; }

    /// <summary>The notify URL, for messages.</summary>
    public Uri? NotifyUrl { get; init; }

    /// <summary>How long to wait for a webhook after its transaction completed. Default 60 s (SUNBAY retries a failed delivery).</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Measures the items. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

/// <summary>
/// SUNBAY's go-live checklist (docs: "go-live": verify payment and refund, their notifications and signature
/// verification) as a runnable check: each item is run, timed and reported with the traceId to quote to support.
/// An item that needs an earlier one (a webhook needs its transaction) is "not checked" when that one failed; the rest
/// go on. Everything charged is refunded or voided.
/// </summary>
internal sealed class GoLiveCheck
{
    public const string Credentials = "Credentials valid";
    public const string Sale = "Sale approved";
    public const string SaleWebhook = "Sale webhook verified";
    public const string QueryConsistent = "Query matches the webhook";
    public const string Refund = "Refund approved";
    public const string RefundWebhook = "Refund webhook verified";
    public const string Void = "Void of a same-day sale";
    public const string BatchQuery = "Batch query";

    private const string Tap = "tap, insert or swipe a card on the terminal";

    private readonly ISunbayClient _sunbay;
    private readonly GoLiveOptions _options;
    private readonly ConsoleUi _ui;
    private readonly List<GoLiveItemResult> _results = [];
    private readonly Dictionary<string, int> _rejectedBefore = [];

    public GoLiveCheck(ISunbayClient sunbay, GoLiveOptions options, ConsoleUi ui)
    {
        ArgumentNullException.ThrowIfNull(sunbay);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ui);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Amount, 1, nameof(options));
        if (options.Amount > options.MaxAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Amount, $"The go-live amount may not exceed {options.MaxAmount} (Sunbay:GoLive:MaxAmount).");
        }

        _sunbay = sunbay;
        _options = options;
        _ui = ui;
    }

    /// <summary>Runs every item in order and prints each line as it completes.</summary>
    public async Task<GoLiveReport> RunAsync(CancellationToken cancellationToken)
    {
        _results.Clear();
        using var traces = new SunbayTraceIds();

        if (!await RunAsync(traces, Credentials, "query", CheckCredentialsAsync, cancellationToken))
        {
            SkipRest("needs valid credentials", Sale, SaleWebhook, QueryConsistent, Refund, RefundWebhook, Void, BatchQuery);
            return Report();
        }

        Transaction? sale = null;
        await RunAsync(traces, Sale, "sale", async ct =>
        {
            var (result, detail) = await ChargeAsync("first sale", ct);
            sale = result;
            return detail;
        }, cancellationToken);

        TransactionNotification? saleWebhook = null;
        if (sale is null)
        {
            SkipRest("needs an approved sale", SaleWebhook, QueryConsistent, Refund, RefundWebhook);
        }
        else
        {
            saleWebhook = await WebhookItemAsync(traces, SaleWebhook, sale, cancellationToken);
            await RunAsync(traces, QueryConsistent, "query", ct => CheckQueryAsync(sale, saleWebhook, ct), cancellationToken);
            Transaction? refund = null;
            await RunAsync(traces, Refund, "refund", async ct =>
            {
                var refunded = await RefundAsync(sale, ct);
                refund = refunded.Value;
                return refund.IsApproved
                    ? Outcome.Pass($"{Money(refund)} refunded, transactionId {refund.TransactionId}{CompletedBy(refunded)}")
                    : Outcome.Fail($"refund {Declined(refund)}; sale {sale.TransactionId} is NOT refunded: refund it in the SUNBAY portal");
            }, cancellationToken);
            if (refund is null)
            {
                SkipRest("needs a completed refund", RefundWebhook);
            }
            else
            {
                await WebhookItemAsync(traces, RefundWebhook, refund, cancellationToken);
            }
        }

        await RunAsync(traces, Void, "void", VoidSameDaySaleAsync, cancellationToken);
        await RunAsync(traces, BatchQuery, "batch-query", async ct =>
        {
            var batches = await _sunbay.BatchQueryAsync(_options.TerminalSn, ct);
            return Outcome.Pass(batches.Count == 0
                ? "answered: no open batch"
                : string.Join("; ", batches.Select(b => $"{b.ChannelCode}: {b.TransactionCount} transaction(s), net {ConsoleUi.Money(b.NetAmount, b.Currency)}")));
        }, cancellationToken);
        return Report();
    }

    private GoLiveReport Report() => new([.. _results]);

    private async Task<Outcome> CheckCredentialsAsync(CancellationToken cancellationToken)
    {
        var probe = $"GOLIVE-PROBE-{Guid.NewGuid():N}"[..32];
        try
        {
            var found = await _sunbay.GetTransactionAsync(TransactionLookup.ByTransactionRequestId(probe), cancellationToken);
            return Outcome.Pass($"API key accepted (the probe query answered {found.Status})");
        }
        catch (SunbayApiException ex) when (IsAuthenticationFailure(ex))
        {
            return Outcome.Fail($"SUNBAY rejected the credentials: {ex.Code} \"{ex.ApiMessage}\" (HTTP {(int)ex.StatusCode}). Check Sunbay__ApiKey (test keys for Sandbox, live keys for Production), Sunbay__AppId and Sunbay__MerchantId", ex.TraceId);
        }
        catch (SunbayApiException ex)
        {
            // An unknown transactionRequestId must be answered "not found": SUNBAY read the key and the account to say so.
            return Outcome.Pass($"API key accepted (a random transactionRequestId was answered {ex.Code} \"{ex.ApiMessage}\", as expected)", ex.TraceId);
        }
    }

    private static bool IsAuthenticationFailure(SunbayApiException ex) =>
        ex.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden
        || ex.Code is "C01" or "401" or "403";

    /// <summary>Pushes a sale and waits; returns it when approved.</summary>
    private async Task<(Transaction? Sale, Outcome Outcome)> ChargeAsync(string what, CancellationToken cancellationToken)
    {
        var rejectedBefore = _options.Webhooks?.RejectedCount ?? 0;
        var operation = await _sunbay.StartSaleAsync(
            new SaleRequest
            {
                Amount = _options.Amount,
                Currency = _options.Currency,
                ReferenceOrderId = $"GOLIVE-{Guid.NewGuid():N}"[..24],
                Description = $"Go-live check, {what} (refunded or voided)",
                TerminalSn = _options.TerminalSn,
            },
            cancellationToken);
        _rejectedBefore[operation.TransactionRequestId] = rejectedBefore;
        _ui.Info($"{what} of {ConsoleUi.Money(_options.Amount, _options.Currency)} dispatched: transactionRequestId {operation.TransactionRequestId}");
        Transaction sale;
        using (var progress = _ui.Wait(Tap))
        {
            sale = await operation.WaitForCompletionAsync(progress, cancellationToken);
        }

        return sale.IsApproved
            ? (sale, Outcome.Pass($"{Money(sale)} approved, transactionId {sale.TransactionId}{CompletedBy(operation)}"))
            : (null, Outcome.Fail($"{what} {Declined(sale)}. Use a card that approves{(sale.Status == TransactionStatus.Fail ? " (in the Sandbox, amounts such as 9823 are declined on purpose)" : string.Empty)}"));
    }

    private async Task<TransactionOperation> RefundAsync(Transaction sale, CancellationToken cancellationToken)
    {
        var rejectedBefore = _options.Webhooks?.RejectedCount ?? 0;
        var operation = await _sunbay.StartRefundAsync(
            // The whole sale (its order amount and components) when SUNBAY reported the amounts, else the amount sold.
            (sale.Amount?.Order is null ? RefundRequest.For(sale, _options.Amount) : RefundRequest.For(sale)) with
            {
                Currency = sale.Amount?.Currency ?? _options.Currency,
                TerminalSn = _options.TerminalSn ?? sale.TerminalSn,
                Description = "Go-live check refund",
            },
            cancellationToken);
        _rejectedBefore[operation.TransactionRequestId] = rejectedBefore;
        _ui.Info($"refund of {Money(sale)} dispatched: transactionRequestId {operation.TransactionRequestId}");
        using var progress = _ui.Wait("the terminal confirms the refund (it may ask for the card)");
        await operation.WaitForCompletionAsync(progress, cancellationToken);
        return operation;
    }

    private async Task<Outcome> VoidSameDaySaleAsync(CancellationToken cancellationToken)
    {
        var (sale, charged) = await ChargeAsync("second sale (to void)", cancellationToken);
        if (sale is null)
        {
            return charged;
        }

        Transaction voided;
        TransactionOperation operation;
        try
        {
            operation = await _sunbay.StartVoidAsync(
                VoidRequest.For(sale) with { TerminalSn = _options.TerminalSn ?? sale.TerminalSn, Description = "Go-live check void" },
                cancellationToken);
            using var progress = _ui.Wait("the terminal confirms the void");
            voided = await operation.WaitForCompletionAsync(progress, cancellationToken);
        }
        catch (SunbayException ex) when (ex is not SunbayTransportException { OutcomeUnknown: true })
        {
            return Outcome.Fail($"void failed: {ex.Message} {await RefundInsteadAsync(sale, cancellationToken)}", (ex as SunbayApiException)?.TraceId);
        }

        return voided.IsApproved
            ? Outcome.Pass($"sale {sale.TransactionId} voided, void transactionId {voided.TransactionId}{CompletedBy(operation)}")
            : Outcome.Fail($"void {Declined(voided)}. {await RefundInsteadAsync(sale, cancellationToken)}");
    }

    /// <summary>The check refunds what it charged: when the void fails, the second sale is refunded.</summary>
    private async Task<string> RefundInsteadAsync(Transaction sale, CancellationToken cancellationToken)
    {
        try
        {
            var refund = (await RefundAsync(sale, cancellationToken)).Value;
            return refund.IsApproved
                ? $"Sale {sale.TransactionId} was refunded instead."
                : $"Refunding sale {sale.TransactionId} instead {Declined(refund)}: refund it in the SUNBAY portal.";
        }
        catch (SunbayException ex)
        {
            return $"Refunding sale {sale.TransactionId} instead failed ({ex.Message}): refund it in the SUNBAY portal.";
        }
    }

    private async Task<TransactionNotification?> WebhookItemAsync(SunbayTraceIds traces, string name, Transaction transaction, CancellationToken cancellationToken)
    {
        var inbox = _options.Webhooks;
        if (inbox is null)
        {
            Add(new GoLiveItemResult(name, GoLiveStatus.NotChecked,
                "no notify URL configured: set Sunbay__NotifyUrl (public HTTPS URL routed to this process) and Sunbay__Webhooks__Secrets__0 to check it",
                TimeSpan.Zero, null));
            return null;
        }

        TransactionNotification? received = null;
        await RunAsync(traces, name, "-", async ct =>
        {
            var waited = await inbox.WaitAsync(transaction.TransactionRequestId, _rejectedBefore.GetValueOrDefault(transaction.TransactionRequestId), _options.WebhookTimeout, ct);
            if (waited.Notification is { } notification)
            {
                received = notification;
                var reported = notification.Transaction;
                return reported.Status == transaction.Status
                    ? Outcome.Pass($"signature verified, status {reported.Status}, sent {notification.Timestamp:HH:mm:ss}", null, $"X-Client-Request-Id {notification.ClientRequestId}")
                    : Outcome.Fail($"signature verified but the webhook reports {reported.Status} where the transaction ended {transaction.Status}", null, $"X-Client-Request-Id {notification.ClientRequestId}");
            }

            return waited.Rejection is { } rejection
                ? Outcome.Fail($"a delivery to {_options.NotifyUrl} was rejected: {rejection.Explanation}")
                : Outcome.Fail($"no webhook for {transaction.TransactionRequestId} within {_options.WebhookTimeout.TotalSeconds:0.#} s at {_options.NotifyUrl}. Check that SUNBAY can reach it (public HTTPS, routed to 127.0.0.1 of this process) and that nothing in front of it answers first");
        }, cancellationToken);
        return received;
    }

    private async Task<Outcome> CheckQueryAsync(Transaction sale, TransactionNotification? webhook, CancellationToken cancellationToken)
    {
        var queried = await _sunbay.GetTransactionAsync(TransactionLookup.ByTransactionRequestId(sale.TransactionRequestId), cancellationToken);
        var reference = webhook?.Transaction ?? sale;
        var differences = new List<string>();
        void Compare<T>(string field, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                differences.Add($"{field} {actual} (expected {expected})");
            }
        }

        Compare("status", reference.Status, queried.Status);
        Compare("transactionId", reference.TransactionId, queried.TransactionId);
        Compare("transactionRequestId", sale.TransactionRequestId, queried.TransactionRequestId);
        if (reference.ReferenceOrderId is not null)
        {
            Compare("referenceOrderId", reference.ReferenceOrderId, queried.ReferenceOrderId);
        }

        Compare("amount", reference.Amount?.Total ?? reference.Amount?.Order ?? _options.Amount, queried.Amount?.Total ?? queried.Amount?.Order ?? -1);
        Compare("currency", _options.Currency, queried.Amount?.Currency);
        var against = webhook is null ? "the sale's result (no webhook to compare)" : "the webhook";
        return differences.Count == 0
            ? Outcome.Pass($"status {queried.Status}, {Money(queried)}, IDs match {against}")
            : Outcome.Fail($"the query differs from {against}: {string.Join("; ", differences)}");
    }

    /// <summary>Runs one item: times it, records SUNBAY's traceId, turns an exception into a failed line.</summary>
    private async Task<bool> RunAsync(SunbayTraceIds traces, string name, string operation, Func<CancellationToken, Task<Outcome>> item, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        using var scope = traces.Begin(name);
        Outcome outcome;
        try
        {
            outcome = await item(cancellationToken);
        }
        catch (SunbayApiException ex)
        {
            outcome = Outcome.Fail($"{ex.Message}{Advice(ex)}", ex.TraceId);
        }
        catch (SunbayTransportException ex) when (ex.OutcomeUnknown)
        {
            outcome = Outcome.Fail($"{ex.Message} Check its outcome in the SUNBAY portal before running the check again.");
        }
        catch (SunbayValidationException ex)
        {
            outcome = Outcome.Fail($"{ex.Message} Set it in configuration (e.g. Sunbay__TerminalSn) or with --terminal.");
        }
        catch (SunbayException ex)
        {
            outcome = Outcome.Fail(ex.Message);
        }

        var reference = outcome.Reference ?? ((outcome.TraceId ?? scope.TraceIdOf(operation)) is { } traceId ? $"traceId {traceId}" : null);
        Add(new GoLiveItemResult(name, outcome.Passed ? GoLiveStatus.Passed : GoLiveStatus.Failed, outcome.Detail, time.GetElapsedTime(started), reference));
        return outcome.Passed;
    }

    private static string Advice(SunbayApiException ex) =>
        ex.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden
            ? " Check Sunbay__ApiKey, Sunbay__AppId and Sunbay__MerchantId."
            : " Quote the traceId to SUNBAY support.";

    private void SkipRest(string reason, params string[] names)
    {
        foreach (var name in names)
        {
            Add(new GoLiveItemResult(name, GoLiveStatus.NotChecked, $"not checked: {reason}", TimeSpan.Zero, null));
        }
    }

    private void Add(GoLiveItemResult result)
    {
        _results.Add(result);
        _ui.GoLiveItem(result);
    }

    private string CompletedBy(TransactionOperation operation) =>
        _options.Webhooks is null ? string.Empty : operation.CompletedBy == TransactionUpdateSource.Webhook ? " (completed by webhook)" : " (completed by polling)";

    private static string Money(Transaction t) => ConsoleUi.Money(t.Amount?.Total ?? t.Amount?.Order, t.Amount?.Currency);

    private static string Declined(Transaction t) => t.Status == TransactionStatus.Fail
        ? $"declined: {t.ResultCode} {t.ResultMessage}"
        : $"ended {t.Status} without payment";

    /// <summary>What an item found.</summary>
    private sealed record Outcome(bool Passed, string Detail, string? TraceId = null, string? Reference = null)
    {
        public static Outcome Pass(string detail, string? traceId = null, string? reference = null) => new(true, detail, traceId, reference);

        public static Outcome Fail(string detail, string? traceId = null, string? reference = null) => new(false, detail, traceId, reference);
    }
}
