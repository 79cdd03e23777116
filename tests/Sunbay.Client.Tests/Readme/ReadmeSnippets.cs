using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Sunbay.Client.Payments;
using Sunbay.Client.Testing;

#pragma warning disable CA1822, CA1849, IDE0059, IDE0008, CS0219 // README snippets, kept verbatim: they are read, not run.

namespace Sunbay.Client.Tests.Readme;

/// <summary>
/// Every C# snippet of README.md, verbatim, so that the build proves they compile. <see cref="ReadmeTests"/> fails when
/// the README and this file drift apart: edit both together.
/// </summary>
internal static class ReadmeSnippets
{
    public static async Task Snippet0(WebApplicationBuilder builder)
    {
        // README snippet 0: begin
        // Program.cs: options from the "Sunbay" section (Sunbay__ApiKey, Sunbay__AppId, ... as environment variables)
        builder.Services.AddSunbayClient(builder.Configuration.GetSection("Sunbay"));
        // README snippet 0: end
        await Task.CompletedTask;
    }

    public static async Task Snippet1(ISunbayClient sunbay, CancellationToken ct)
    {
        // README snippet 1: begin
        // Inject ISunbayClient wherever you take payments.
        TransactionOperation sale = await sunbay.StartSaleAsync(new SaleRequest
        {
            Amount = 1050,                      // minor units: 10.50
            Currency = "USD",
            ReferenceOrderId = "ORDER-20261123-0042",
            Description = "Table 12",
        }, ct);                                 // dispatched to the terminal (Sunbay:TerminalSn)

        Transaction result = await sale.WaitForCompletionAsync(ct);   // the cardholder has tapped
        if (result.IsApproved)
        {
            Console.WriteLine($"Paid {result.Amount} with {result.MaskedPan}, auth code {result.AuthCode}");
        }
        else
        {
            Console.WriteLine($"Not paid: {result.Status} {result.ResultCode} {result.ResultMessage}"); // e.g. Fail 051
        }
        // README snippet 1: end
        await Task.CompletedTask;
    }

    public static async Task Snippet2()
    {
        // README snippet 2: begin
        using var client = new SunbayClient(new SunbayClientOptions
        {
            Environment = SunbayEnvironment.Sandbox,
            ApiKey = "sk_test_...",
            AppId = "app_123456",
            MerchantId = "M1260231004",
            TerminalSn = "T1234567890",
        });
        // README snippet 2: end
        await Task.CompletedTask;
    }

    public static async Task SnippetOneCodePathRegistration(WebApplicationBuilder builder)
    {
        // README snippet "One code path" (registration): begin
        // Program.cs: each provider registers itself; "CardPayments": { "Provider": "sunbay" } (or "cm") picks one,
        // and only the chosen provider's settings are required at start-up.
        builder.Services.AddSunbayClient(builder.Configuration.GetSection("Sunbay"));
        builder.Services.AddCmComClient(builder.Configuration.GetSection("CmCom"));
        builder.Services.AddCardPayments(builder.Configuration.GetSection("CardPayments"));
        // README snippet "One code path" (registration): end
        await Task.CompletedTask;
    }

    public static async Task SnippetOneCodePath(ICardPayments payments, CancellationToken ct)
    {
        // README snippet "One code path": begin
        // Inject ICardPayments: the same code for every provider.
        CardPaymentOperation purchase = await payments.StartPaymentAsync(new CardPaymentRequest
        {
            Amount = new Money(98.75m, "EUR"),          // major units, the currency's own decimals (JPY 0, KWD 3)
            MerchantReference = "INV-2026-0042",
            IdempotencyKey = "pos7-20261123-0042",      // stored first: starting again with it resumes, never charges twice
        }, ct);
        CardPaymentOutcome paid = await purchase.WaitForCompletionAsync(ct);   // Approved, Declined, Cancelled or Expired
        if (paid.IsApproved)
        {
            Console.WriteLine($"{paid.Amount} paid, {paid.Provider} transaction {paid.ProviderTransactionId}");
            Console.WriteLine($"{paid.CardBrand} {paid.MaskedCard} auth {paid.AuthorizationCode} STAN {paid.SystemTraceAuditNumber}");
            Console.WriteLine(paid.Receipt ?? "(the terminal printed the receipt)");
            CardPaymentOperation refund = await payments.StartRefundAsync(CardRefundRequest.For(paid, "INV-2026-0042-R"), ct);
            CardPaymentOutcome refunded = await refund.WaitForCompletionAsync(ct);
        }
        else if (paid.Status == CardPaymentStatus.Declined)
        {
            Console.WriteLine($"Declined: {paid.ResultCode} {paid.ResultMessage}");   // tell the cashier why
        }

        // The cardholder walks away: cancel, then learn how it really ended (the card may have been approved just before).
        CardCancelResult cancel = await purchase.CancelAsync(ct);
        if (cancel.Status == CardCancelStatus.TooLate && cancel.Outcome.IsApproved)
        {
            // Paid after all: keep the sale, or refund it.
        }
        // README snippet "One code path": end
    }

    public static async Task Snippet3(WebApplicationBuilder builder)
    {
        // README snippet 3: begin
        builder.Services.AddSunbayClient("store-a", builder.Configuration.GetSection("Stores:A"));
        builder.Services.AddSunbayClient("store-b", builder.Configuration.GetSection("Stores:B"));
        // later: ISunbayClient storeA = clientFactory.CreateClient("store-a");
        // README snippet 3: end
        await Task.CompletedTask;
    }

    public static async Task Snippet4(ISunbayClient sunbay, CancellationToken ct)
    {
        // README snippet 4: begin
        // Pre-authorisation, raised, then captured.
        Transaction auth = await (await sunbay.StartAuthAsync(new AuthRequest
        {
            Amount = 20000, Currency = "USD", ReferenceOrderId = "ROOM-0815", Description = "Hotel deposit",
        }, ct)).WaitForCompletionAsync(ct);
        await (await sunbay.StartIncrementalAuthAsync(new IncrementalAuthRequest
        {
            OriginalTransactionId = auth.TransactionId, Amount = 5000, Currency = "USD",
        }, ct)).WaitForCompletionAsync(ct);
        Transaction capture = await (await sunbay.StartPostAuthAsync(new PostAuthRequest
        {
            OriginalTransactionId = auth.TransactionId, Amount = 23500, Currency = "USD",
        }, ct)).WaitForCompletionAsync(ct);

        // Refunds: referenced (partial or full), or unreferenced (the card is presented again).
        await sunbay.StartRefundAsync(RefundRequest.For(capture, amount: 3500), ct);
        await sunbay.StartRefundAsync(new RefundRequest { Amount = 500, Currency = "USD", ReferenceOrderId = "RETURN-0001" }, ct);

        // Void (same day), abort (while the terminal waits for the card), tip adjust.
        await sunbay.StartVoidAsync(VoidRequest.For(capture), ct);
        TransactionOperation aborted = await sunbay.StartAbortAsync(new AbortRequest { OriginalTransactionRequestId = "req-to-abort" }, ct);
        TipAdjustResult tip = await sunbay.TipAdjustAsync(new TipAdjustRequest { OriginalTransactionId = capture.TransactionId, TipAmount = 300 }, ct);

        // Queries.
        Transaction byId = await sunbay.GetTransactionAsync(TransactionLookup.ByTransactionId("7225836252468027"), ct);
        Transaction? byKey = await sunbay.FindTransactionAsync(TransactionLookup.ByTransactionRequestId("req-to-abort"), ct);    // null when SUNBAY has none

        // Settlement and merchant.
        IReadOnlyList<OpenBatch> open = await sunbay.BatchQueryAsync(cancellationToken: ct);
        IReadOnlyList<ClosedBatch> closed = await sunbay.BatchCloseAsync(new BatchCloseRequest(), ct);   // every open channel
        IReadOnlyList<ClosedBatch> history = await sunbay.GetBatchCloseListAsync(cancellationToken: ct); // last 7 days
        Merchant merchant = await sunbay.GetMerchantAsync(cancellationToken: ct);
        await foreach (Terminal terminal in sunbay.GetTerminalsAsync(cancellationToken: ct))           // every page
        {
            Console.WriteLine(terminal.Sn);
        }
        // README snippet 4: end
        await Task.CompletedTask;
    }

    public static async Task Snippet5(ISunbayClient sunbay, CancellationToken ct)
    {
        // README snippet 5: begin
        var request = new SaleRequest
        {
            Amount = 1050, Currency = "USD", ReferenceOrderId = "ORDER-20261123-0042", Description = "Table 12",
            TransactionRequestId = $"pay-{Guid.NewGuid():N}"[..32],   // store it with the order first
        };
        TransactionOperation operation;
        try
        {
            operation = await sunbay.StartSaleAsync(request, ct);
        }
        catch (SunbayTransportException ex) when (ex.OutcomeUnknown)
        {
            // Did SUNBAY get it? Look, then re-send only if it did not: same transactionRequestId, new X-Client-Request-Id.
            Transaction? existing = await sunbay.FindTransactionAsync(TransactionLookup.ByTransactionRequestId(ex.TransactionRequestId!), ct);
            operation = existing is not null
                ? sunbay.GetOperation(existing.TransactionRequestId)
                : await sunbay.StartOrResumeAsync(request, ct);      // queries again, and sends only if still absent
        }
        Transaction paid = await operation.WaitForCompletionAsync(ct);
        // README snippet 5: end
        await Task.CompletedTask;
    }

    public static async Task Snippet6(WebApplicationBuilder builder)
    {
        // README snippet 6: begin
        builder.Services.AddSunbayClient(builder.Configuration.GetSection("Sunbay"));
        builder.Services.AddSunbayWebhooks(builder.Configuration.GetSection("Sunbay:Webhooks")); // Sunbay__Webhooks__Secrets__0=...
        var app = builder.Build();
        app.MapSunbayWebhooks("/webhooks/sunbay", (notification, ct) =>
        {
            Console.WriteLine($"{notification.Transaction.TransactionRequestId}: {notification.Transaction.Status}");
            return Task.CompletedTask;
        });
        // README snippet 6: end
        await Task.CompletedTask;
    }

    public static async Task Snippet7()
    {
        // README snippet 7: begin
        var time = new FakeTimeProvider();
        await using var host = FakeSunbayHost.Start(new FakeSunbayHostOptions { TimeProvider = time });
        using var client = host.CreateClient();
        var sale = await client.StartSaleAsync(new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-1", Description = "Coffee" });
        time.Advance(TimeSpan.FromSeconds(2));             // the cardholder taps
        var paid = await sale.WaitForCompletionAsync();      // Success; an amount of 9823 is declined with 005
        // README snippet 7: end
        await Task.CompletedTask;
    }

    public static async Task SnippetTestingYourApp()
    {
        // README "Testing your app", second snippet: begin (the first is compiled and run in
        // tests/Sunbay.Client.AspNetCore.Tests/Testing/CheckoutAppTests.cs)
        await using var host = FakeSunbayHost.CreateInMemory(new FakeSunbayHostOptions { TimeProvider = new FakeClock() });
        using var client = host.CreateClient();
        var sale = await client.StartSaleAsync(new SaleRequest { Amount = FakeSandboxAmounts.Declined, Currency = "USD", ReferenceOrderId = "ORDER-2", Description = "Coffee" });
        var declined = await host.RunUntilAsync(sale.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));   // Fail, result code 005
        // README "Testing your app", second snippet: end
        await Task.CompletedTask;
    }

    public static async Task Snippet8(WebApplicationBuilder builder)
    {
        // README snippet 8: begin
        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource("Sunbay.Client"))
            .WithMetrics(m => m.AddMeter("Sunbay.Client"));
        builder.Services.AddHealthChecks().AddSunbay();   // one merchant query: reachability and credentials
        // README snippet 8: end
        await Task.CompletedTask;
    }

    public static async Task SnippetWalkAway(TransactionOperation sale, CancellationToken ct)
    {
        // README snippet: walk-away
        // At a checkout: give the cardholder 60 s, then abort. The true final state comes back, even when the
        // payment wins the race with the abort.
        Transaction outcome = await sale.WaitForCompletionOrAbortAsync(TimeSpan.FromSeconds(60), ct);
        string message = outcome.IsApproved ? "Paid"
            : outcome.Status == TransactionStatus.Closed ? "Cancelled: nothing was charged"
            : $"Declined: {outcome.ResultMessage}";
        _ = message;
    }
}
