using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests;

/// <summary>The in-memory transport (no port) driven by <see cref="FakeSunbayHost.RunUntilAsync{T}"/>, and the real-HTTP one on a chosen port.</summary>
public sealed class FakeSunbayHostInMemoryTests : IAsyncDisposable
{
    private readonly FakeClock _clock = new();
    private readonly FakeSunbayHost _host;
    private readonly SunbayClient _client;

    public FakeSunbayHostInMemoryTests()
    {
        _host = FakeSunbayHost.CreateInMemory(new FakeSunbayHostOptions { TimeProvider = _clock });
        _client = _host.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private static SaleRequest Sale(long amount, string order = "ORDER-1") => new() { Amount = amount, Currency = "USD", ReferenceOrderId = order, Description = "Coffee" };

    [Fact]
    public async Task A_sale_completes_in_memory_with_one_call_that_drives_the_clock()
    {
        var start = _clock.GetUtcNow();
        var sale = await _client.StartSaleAsync(Sale(1000));

        var paid = await _host.RunUntilAsync(sale.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));

        Assert.False(_host.IsListening);
        Assert.Equal(FakeSunbayHost.InMemoryAddress, _host.BaseAddress);
        Assert.Equal(TransactionStatus.Success, paid.Status);
        // Jumps from timer to timer: the card is read after 2 s and the next poll sees it; no fixed small steps.
        Assert.InRange(_clock.GetUtcNow() - start, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
        Assert.InRange(_host.Journal.Count(r => r.Endpoint == FakeEndpoint.Query), 1, 6);
    }

    [Fact]
    public async Task The_sandbox_decline_amounts_are_public_constants()
    {
        var sale = await _client.StartSaleAsync(Sale(FakeSandboxAmounts.Declined));
        var declined = await _host.RunUntilAsync(sale.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));

        Assert.Equal(TransactionStatus.Fail, declined.Status);
        Assert.Equal("005", declined.ResultCode);

        var funds = await _client.StartSaleAsync(Sale(FakeSandboxAmounts.InsufficientFunds, "ORDER-2"));
        Assert.Equal("051", (await _host.RunUntilAsync(funds.WaitForCompletionAsync(), TimeSpan.FromMinutes(5))).ResultCode);
    }

    [Fact]
    public async Task A_cardholder_who_walks_away_ends_at_the_expiry_in_virtual_time_only()
    {
        _host.Terminal("FAKE-T1").NeverPresentCardNext();
        var start = _clock.GetUtcNow();
        var sale = await _client.StartSaleAsync(Sale(1000) with { ExpiresAt = start.AddMinutes(5) });

        var result = await _host.RunUntilAsync(sale.WaitForCompletionAsync(), TimeSpan.FromHours(1));

        Assert.Equal(TransactionStatus.Closed, result.Status);
        Assert.InRange(_clock.GetUtcNow() - start, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(7));
    }

    [Fact]
    public async Task A_connection_dropped_after_recording_is_an_outcome_unknown_transport_error_in_memory()
    {
        _host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.DropAfterRecording);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => _client.StartSaleAsync(Sale(1000)));

        Assert.True(error.OutcomeUnknown);
        var network = Assert.IsType<HttpRequestException>(error.InnerException, exactMatch: false);
        Assert.Equal(HttpRequestError.ResponseEnded, network.HttpRequestError);
        var recorded = Assert.Single(_host.Journal);
        Assert.Null(recorded.StatusCode);
        Assert.Single(_host.Transactions);
    }

    [Fact]
    public async Task A_connection_dropped_before_recording_creates_nothing()
    {
        _host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.DropBeforeRecording);

        await Assert.ThrowsAsync<SunbayTransportException>(() => _client.StartSaleAsync(Sale(1000)));

        Assert.Empty(_host.Transactions);
    }

    [Fact]
    public async Task Latency_is_spent_on_the_fake_clock_and_RunUntilAsync_moves_it()
    {
        _host.Faults.EnqueueLatency(FakeEndpoint.MerchantQuery, TimeSpan.FromSeconds(3));
        var start = _clock.GetUtcNow();

        var merchant = await _host.RunUntilAsync(_client.GetMerchantAsync(), TimeSpan.FromMinutes(1));

        Assert.NotNull(merchant);
        Assert.Equal(start, _host.Journal.Single().Time);
        Assert.True(_clock.GetUtcNow() - start >= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_caller_who_cancels_gives_up_but_the_host_still_carries_the_request_out()
    {
        _host.Faults.EnqueueLatency(FakeEndpoint.Any, TimeSpan.FromSeconds(5));
        using var handler = _host.CreateHandler();
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = _host.BaseAddress };
        using var cancel = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/merchant/query");

        var pending = http.SendAsync(request, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        // The held request is answered when the clock passes the latency (here: 401, no key).
        _clock.Advance(TimeSpan.FromSeconds(5));
        await Sunbay.Client.Tests.Support.FakeTimeExtensions.WaitUntilAsync(() => _host.Journal.Count > 0);
        Assert.Equal(401, _host.Journal.Single().StatusCode);
    }

    [Fact]
    public async Task Protocol_checks_see_the_same_headers_and_query_in_memory()
    {
        using var http = new HttpClient(_host.CreateHandler()) { BaseAddress = _host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/semi-integration/transaction/sale") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", _host.ApiKey);
        request.Headers.TryAddWithoutValidation("X-Client-Request-Id", "r-1");
        request.Headers.TryAddWithoutValidation("X-Timestamp", _clock.GetUtcNow().ToUnixTimeMilliseconds().ToString("D13", System.Globalization.CultureInfo.InvariantCulture));

        using var response = await http.SendAsync(request);

        // "application/json; charset=utf-8" is not exactly application/json: SUNBAY refuses it, and so does the fake in memory.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Content-Type must be exactly application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        var terminals = new List<Terminal>();
        await foreach (var terminal in _client.GetTerminalsAsync())
        {
            terminals.Add(terminal);
        }

        Assert.Equal("FAKE-T1", Assert.Single(terminals).Sn);
        Assert.Contains(_host.Journal, r => r.Endpoint == FakeEndpoint.TerminalsQuery && r.PathAndQuery.Contains("merchantId=" + _host.MerchantId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddFakeSunbay_points_the_registered_client_at_the_host_in_memory_on_its_clock()
    {
        var services = new ServiceCollection();
        services.AddSunbayClient(o => o.Environment = SunbayEnvironment.Sandbox);
        services.AddFakeSunbay(_host);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ISunbayClient>();
        var sale = await client.StartSaleAsync(Sale(1000));
        var paid = await _host.RunUntilAsync(sale.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));

        Assert.Equal(TransactionStatus.Success, paid.Status);
        Assert.Same(_clock, provider.GetRequiredService<TimeProvider>());
        Assert.NotNull(_host.FindTransaction(sale.TransactionRequestId));
    }

    [Fact]
    public async Task RunUntilAsync_needs_a_FakeClock()
    {
        await using var host = FakeSunbayHost.CreateInMemory();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.RunUntilAsync(Task.CompletedTask, TimeSpan.FromSeconds(1)));

        Assert.Contains(nameof(FakeClock), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_started_host_listens_on_the_port_it_is_given_and_serves_in_memory_too()
    {
        var port = FreePort();
        await using var host = FakeSunbayHost.Start(new FakeSunbayHostOptions { Port = port, TimeProvider = _clock });

        Assert.True(host.IsListening);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), host.BaseAddress);
        Assert.ThrowsAny<IOException>(() => FakeSunbayHost.Start(new FakeSunbayHostOptions { Port = port }));

        using var overHttp = host.CreateClient();
        using var inMemory = new SunbayClient(Options(host), host.CreateHandler(), _clock);
        Assert.NotNull(await overHttp.GetMerchantAsync());
        Assert.NotNull(await inMemory.GetMerchantAsync());
        Assert.Equal(2, host.Journal.Count);
    }

    private static SunbayClientOptions Options(FakeSunbayHost host)
    {
        var options = new SunbayClientOptions();
        host.ConfigureClient(options);
        return options;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
