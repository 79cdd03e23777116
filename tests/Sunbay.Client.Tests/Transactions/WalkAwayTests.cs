using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Testing;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Transactions;

/// <summary>A cardholder who walks away: the default expiry frees the terminal within minutes.</summary>
public sealed class WalkAwayTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private FakeSunbayHost _host = null!;
    private SunbayClient _client = null!;

    public Task InitializeAsync()
    {
        _host = FakeSunbayHost.Start(new FakeSunbayHostOptions { TimeProvider = _time });
        _client = _host.CreateClient(o =>
        {
            // The clock moves while HTTP runs: no client-side timeout may fire because of that.
            o.Timeouts.Post = TimeSpan.FromHours(1);
            o.Timeouts.GetAttempt = TimeSpan.FromHours(1);
            o.Timeouts.GetTotal = TimeSpan.FromHours(1);
            o.Retry.BaseDelay = TimeSpan.Zero;
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private FakeTerminal Terminal => _host.Terminals.First();

    private static SaleRequest Sale() => new() { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-WALK", Description = "Walk-away" };

    private Task<T> DriveAsync<T>(Task<T> task) => DriveAsync(task, TimeSpan.FromSeconds(1));

    private async Task<T> DriveAsync<T>(Task<T> task, TimeSpan step)
    {
        await _time.DriveUntilAsync(() => task.IsCompleted, step, maxSteps: 2_000);
        return await task;
    }

    [Fact]
    public async Task A_push_without_an_expiry_is_sent_with_the_default_expiry_and_closes_within_minutes()
    {
        Terminal.NeverPresentCardNext();
        var start = _time.GetUtcNow();
        var sale = await _client.StartSaleAsync(Sale());

        var body = JsonDocument.Parse(_host.Journal.Single(r => r.Endpoint == FakeEndpoint.Sale).Body).RootElement;
        Assert.Equal(start.AddMinutes(5).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("timeExpire").GetString());
        var result = await DriveAsync(sale.WaitForCompletionAsync(), TimeSpan.FromSeconds(5));

        Assert.Equal(TransactionStatus.Closed, result.Status);
        Assert.False(Terminal.IsBusy);
        Assert.InRange(_time.GetUtcNow() - start, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6));
    }

    [Fact]
    public async Task The_default_expiry_is_sent_on_auth_forced_auth_and_unreferenced_refund_but_not_on_a_referenced_refund()
    {
        var auth = await _client.StartAuthAsync(new AuthRequest { Amount = 500, Currency = "USD", ReferenceOrderId = "ORDER-AUTH", Description = "Auth" });
        await DriveAsync(auth.WaitForCompletionAsync());
        var forced = await _client.StartForcedAuthAsync(new ForcedAuthRequest { Amount = 500, Currency = "USD", ReferenceOrderId = "ORDER-FORCED", Description = "Forced" });
        await DriveAsync(forced.WaitForCompletionAsync());
        var sale = await _client.StartSaleAsync(Sale());
        var paid = await DriveAsync(sale.WaitForCompletionAsync());
        var referenced = await _client.StartRefundAsync(RefundRequest.For(paid, 100));
        await DriveAsync(referenced.WaitForCompletionAsync());
        var unreferenced = await _client.StartRefundAsync(new RefundRequest { Amount = 100, Currency = "USD", ReferenceOrderId = "ORDER-REFUND", Description = "Refund" });
        await DriveAsync(unreferenced.WaitForCompletionAsync());

        bool HasExpiry(FakeEndpoint endpoint, int index = 0) =>
            JsonDocument.Parse(_host.Journal.Where(r => r.Endpoint == endpoint).ElementAt(index).Body).RootElement.TryGetProperty("timeExpire", out _);
        Assert.True(HasExpiry(FakeEndpoint.Auth));
        Assert.True(HasExpiry(FakeEndpoint.ForcedAuth));
        Assert.True(HasExpiry(FakeEndpoint.Sale));
        Assert.False(HasExpiry(FakeEndpoint.Refund, 0));
        Assert.True(HasExpiry(FakeEndpoint.Refund, 1));
    }

    [Fact]
    public async Task A_request_s_own_expiry_wins_over_the_default()
    {
        var expiresAt = _time.GetUtcNow().AddHours(2);
        await _client.StartSaleAsync(Sale() with { ExpiresAt = expiresAt });

        var body = JsonDocument.Parse(_host.Journal.Single(r => r.Endpoint == FakeEndpoint.Sale).Body).RootElement;
        Assert.Equal(expiresAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("timeExpire").GetString());
        Assert.Equal(expiresAt, _host.Transactions.Single().ExpiresAt);
    }
}
