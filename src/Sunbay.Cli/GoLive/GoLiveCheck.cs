using Sunbay.Client;
using Sunbay.Client.Webhooks;

namespace Sunbay.Cli;

/// <summary>
/// SUNBAY's go-live checklist (docs: "go-live": verify payment and refund, their notifications and signature
/// verification) as a runnable check: each item is run, timed and reported with the traceId to quote to support.
/// An item that needs an earlier one (a webhook needs its transaction) is "not checked" when that one failed; the rest
/// go on. Everything charged is refunded or voided.
/// </summary>
internal sealed partial class GoLiveCheck
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
        catch (PaymentsValidationException ex)
        {
            outcome = Outcome.Fail($"{ex.Message} Set it in configuration (e.g. Sunbay__TerminalSn) or with --terminal.");
        }
        catch (PaymentsException ex)
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
        result.WriteTo(_ui);
    }

    /// <summary>What an item found.</summary>
    private sealed record Outcome(bool Passed, string Detail, string? TraceId = null, string? Reference = null)
    {
        public static Outcome Pass(string detail, string? traceId = null, string? reference = null) => new(true, detail, traceId, reference);

        public static Outcome Fail(string detail, string? traceId = null, string? reference = null) => new(false, detail, traceId, reference);
    }
}
