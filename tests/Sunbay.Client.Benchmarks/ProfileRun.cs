using System.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Sunbay.Client.Http;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// `-- profile`: where the SDK's time and bytes per call go, by peeling layers off the pipeline (quick in-process loops,
/// sequential; rough, for finding causes, not for the README figures).
/// </summary>
internal static class ProfileRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        await using var server = await LoopbackServer.StartAsync();
        var options = new SunbayClientOptions
        {
            BaseAddress = server.BaseAddress,
            ApiKey = Canned.ApiKey,
            AppId = Canned.AppId,
            MerchantId = Canned.MerchantId,
            TerminalSn = Canned.TerminalSn,
        };
        var monitor = new Monitor(options);
        using var floorHttp = new HttpClient(SunbayHttp.CreatePrimaryHandler()) { BaseAddress = server.BaseAddress };
        var floor = new FloorClient(floorHttp);

        // NSwag client alone over a bare HttpClient.
        using var bareHttp = new HttpClient(SunbayHttp.CreatePrimaryHandler()) { BaseAddress = server.BaseAddress };
        var wireBare = new SunbayWireClient(bareHttp);

        // NSwag + headers handler.
        using var headersHttp = new HttpClient(new SunbayHeadersHandler(monitor, Options.DefaultName, TimeProvider.System, BearerRequestSigner.Instance, new ServerClock()) { InnerHandler = SunbayHttp.CreatePrimaryHandler() }) { BaseAddress = server.BaseAddress };
        var wireHeaders = new SunbayWireClient(headersHttp);

        // NSwag + resilience + headers (the full HTTP stack, without the facade).
        var breaker = SunbayResilience.CreateBreaker(TimeProvider.System);
        var queries = new ResiliencePipelineBuilder<HttpResponseMessage>();
        SunbayResilience.Configure(queries, SunbayResilience.QueryKey, options, breaker, NullLogger.Instance);
        var pushes = new ResiliencePipelineBuilder<HttpResponseMessage>();
        SunbayResilience.Configure(pushes, SunbayResilience.PushKey, options, breaker, NullLogger.Instance);
        var (queryPipeline, pushPipeline) = (queries.Build(), pushes.Build());
        using var fullHttp = new HttpClient(new ResilienceHandler(r => SunbayResilience.KeyOf(r) == SunbayResilience.QueryKey ? queryPipeline : pushPipeline)
        {
            InnerHandler = new SunbayHeadersHandler(monitor, Options.DefaultName, TimeProvider.System, BearerRequestSigner.Instance, new ServerClock()) { InnerHandler = SunbayHttp.CreatePrimaryHandler() },
        }) { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var wireFull = new SunbayWireClient(fullHttp);

        SunbayWireClient Layered(string name, Action<ResiliencePipelineBuilder<HttpResponseMessage>> configure)
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
            configure(builder);
            var http = new HttpClient(new ResilienceHandler(builder.Build())
            {
                InnerHandler = new SunbayHeadersHandler(monitor, Options.DefaultName, TimeProvider.System, BearerRequestSigner.Instance, new ServerClock()) { InnerHandler = SunbayHttp.CreatePrimaryHandler() },
            }) { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
            return new SunbayWireClient(http);
        }

        var wireEmpty = Layered("empty", _ => { });
        var wireTimeout = Layered("timeout", b => b.AddTimeout(TimeSpan.FromSeconds(10)));
        var wireRetry = Layered("retry", b => b.AddRetry(new HttpRetryStrategyOptions { ShouldHandle = SunbayResilience.ShouldRetry }));
        var wireBreaker = Layered("breaker", b => b.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions()));
        using var sunbay = new SunbayClient(options);
        var sale = new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-1", Description = "Coffee" };
        var wireSale = new Wire.SaleRequest { AppId = Canned.AppId, MerchantId = Canned.MerchantId, TerminalSn = Canned.TerminalSn, ReferenceOrderId = "ORDER-1", TransactionRequestId = Guid.NewGuid().ToString("N"), Description = "Coffee", Amount = new SaleAmount { OrderAmount = 1000, PriceCurrency = "USD" } };

        var cases = new (string Name, Func<Task> Call)[]
        {
            ("floor query", () => floor.QueryAsync(Canned.TransactionId)),
            ("nswag query (bare HttpClient)", () => wireBare.QueryTransactionAsync(Canned.AppId, Canned.MerchantId, Canned.TransactionId)),
            ("nswag + headers handler query", () => wireHeaders.QueryTransactionAsync(Canned.AppId, Canned.MerchantId, Canned.TransactionId)),
            ("nswag + empty pipeline + headers query", () => wireEmpty.QueryTransactionAsync(Canned.AppId, Canned.MerchantId, Canned.TransactionId)),
            ("nswag + 1 timeout + headers query", () => wireTimeout.QueryTransactionAsync(Canned.AppId, Canned.MerchantId, Canned.TransactionId)),
            ("nswag + retry + headers query", () => wireRetry.QueryTransactionAsync(Canned.AppId, Canned.MerchantId, Canned.TransactionId)),
            ("nswag + breaker + headers query", () => wireBreaker.QueryTransactionAsync(Canned.AppId, Canned.MerchantId, Canned.TransactionId)),
            ("nswag + resilience + headers query", () => wireFull.QueryTransactionAsync(Canned.AppId, Canned.MerchantId, Canned.TransactionId)),
            ("SunbayClient.GetTransactionAsync", () => sunbay.GetTransactionAsync(TransactionLookup.ByTransactionId(Canned.TransactionId))),
            ("floor sale", () => floor.SaleAsync()),
            ("nswag sale (bare HttpClient)", () => wireBare.SaleAsync(wireSale)),
            ("nswag + resilience + headers sale", () => wireFull.SaleAsync(wireSale)),
            ("SunbayClient.StartSaleAsync", () => sunbay.StartSaleAsync(sale)),
        };
        foreach (var round in new[] { "warm-up", "measured" })
        {
            Console.WriteLine($"-- {round}: {calls} sequential calls each");
            foreach (var (name, call) in cases)
            {
                var n = round == "warm-up" ? calls / 10 : calls;
                GC.Collect();
                var bytes = GC.GetTotalAllocatedBytes(precise: true);
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < n; i++)
                {
                    await call();
                }

                sw.Stop();
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
                if (round == "measured")
                {
                    Console.WriteLine($"{name,-40} {sw.Elapsed.TotalMicroseconds / n,8:F1} us/call {allocated / (double)n,9:F0} B/call (client + server)");
                }
            }
        }

        return 0;
    }

    private sealed class Monitor(SunbayClientOptions value) : IOptionsMonitor<SunbayClientOptions>
    {
        public SunbayClientOptions CurrentValue => value;

        public SunbayClientOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SunbayClientOptions, string?> listener) => null;
    }
}
