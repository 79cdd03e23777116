using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Tests.Reliability;

/// <summary>An open circuit rejects a push before it is sent: known not sent, and it reconciles like any other.</summary>
public sealed class CircuitBreakerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private FakeSunbayHost _host = null!;
    private SunbayClient _client = null!;

    public Task InitializeAsync()
    {
        _host = FakeSunbayHost.Start(new FakeSunbayHostOptions { TimeProvider = _time });
        _client = _host.CreateClient(o =>
        {
            o.Retry.BaseDelay = TimeSpan.Zero;
            o.Retry.MaxGetRetries = 0;
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_sale_rejected_by_the_open_circuit_is_known_not_sent_and_is_sent_once_after_the_break()
    {
        // 20 failed calls in the sampling window (minimum throughput 20, failure ratio 0.5) open the circuit.
        _host.Faults.Enqueue(FakeEndpoint.Query, FakeFault.ServiceUnavailable, 20);
        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<SunbayTransportException>(() => _client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("TRIP" + i)));
        }

        var sale = new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-CB", Description = "Breaker", TransactionRequestId = "BREAKER-1" };
        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => _client.StartSaleAsync(sale));

        Assert.IsType<BrokenCircuitException>(error.InnerException, exactMatch: false);
        Assert.False(error.OutcomeUnknown);
        Assert.Equal("BREAKER-1", error.TransactionRequestId);
        Assert.DoesNotContain(_host.Journal, r => r.Endpoint == FakeEndpoint.Sale);

        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.Null(await _client.FindTransactionAsync(TransactionLookup.ByTransactionRequestId("BREAKER-1")));
        var operation = await _client.StartOrResumeAsync(sale);
        _time.Advance(TimeSpan.FromSeconds(3));
        var result = await operation.WaitForCompletionAsync();

        Assert.True(result.IsApproved);
        Assert.Single(_host.Journal, r => r.Endpoint == FakeEndpoint.Sale);
        Assert.Single(_host.Transactions);
    }
}
