using BenchmarkDotNet.Attributes;
using Stripe;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// One sale POST and one query GET per call against a canned loopback Kestrel server: the floor (raw HttpClient +
/// source-generated JSON), Sunbay.Client, and Stripe.net (the peer) doing the same round trip.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("api")]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ApiBenchmarks
{
    private LoopbackServer _server = null!;
    private HttpClient _floorHttp = null!;
    private FloorClient _floor = null!;
    private SunbayClient _sunbay = null!;
    private PaymentIntentService _stripe = null!;
    private SaleRequest _sale = null!;
    private PaymentIntentCreateOptions _intent = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _floorHttp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = _server.BaseAddress };
        _floor = new FloorClient(_floorHttp);
        _sunbay = new SunbayClient(new SunbayClientOptions
        {
            BaseAddress = _server.BaseAddress,
            ApiKey = Canned.ApiKey,
            AppId = Canned.AppId,
            MerchantId = Canned.MerchantId,
            TerminalSn = Canned.TerminalSn,
        });
        var stripeHttp = new SystemNetHttpClient(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }));
        var stripeClient = new StripeClient(new StripeClientOptions
        {
            ApiKey = "sk_test_bench_4f1c9e2b7a6d3058",
            ApiBase = _server.BaseAddress.ToString().TrimEnd('/'),
            HttpClient = stripeHttp,
        });
        _stripe = new PaymentIntentService(stripeClient);
        _sale = new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-1", Description = "Coffee" };
        _intent = new PaymentIntentCreateOptions
        {
            Amount = 1000,
            Currency = "usd",
            Description = "Coffee",
            CaptureMethod = "automatic",
            Metadata = new Dictionary<string, string> { ["order"] = "ORDER-1" },
        };

        // Fail fast if a client cannot talk to the server.
        await Floor_Sale();
        await Floor_Query();
        await Sunbay_Sale();
        await Sunbay_Query();
        await Stripe_Create();
        await Stripe_Get();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _sunbay.Dispose();
        _floorHttp.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("sale")]
    public Task<FloorDispatchResponse> Floor_Sale() => _floor.SaleAsync();

    [Benchmark, BenchmarkCategory("sale")]
    public Task<TransactionOperation> Sunbay_Sale() => _sunbay.StartSaleAsync(_sale);

    [Benchmark, BenchmarkCategory("sale")]
    public Task<PaymentIntent> Stripe_Create() => _stripe.CreateAsync(_intent);

    [Benchmark(Baseline = true), BenchmarkCategory("query")]
    public Task<FloorQueryResponse> Floor_Query() => _floor.QueryAsync(Canned.TransactionId);

    [Benchmark, BenchmarkCategory("query")]
    public Task<Transaction> Sunbay_Query() => _sunbay.GetTransactionAsync(TransactionLookup.ByTransactionId(Canned.TransactionId));

    [Benchmark, BenchmarkCategory("query")]
    public Task<PaymentIntent> Stripe_Get() => _stripe.GetAsync(Canned.PaymentIntentId);
}
