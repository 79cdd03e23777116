using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Testing;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Transactions;

/// <summary>
/// A cardholder who walks away: the default expiry frees the terminal within minutes, and "wait, or abort at T" aborts
/// the transaction by name and reports its true final state, even when the payment wins the race with the abort.
/// </summary>
public sealed class WalkAwayTests : IAsyncLifetime
{
    private static readonly TimeSpan AbortAfter = TimeSpan.FromSeconds(30);
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

    private List<RecordedRequest> Aborts() => _host.Journal.Where(r => r.Endpoint == FakeEndpoint.Abort).ToList();

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

    [Fact]
    public async Task The_terminal_holds_the_card_then_the_abort_closes_the_transaction()
    {
        Terminal.NeverPresentCardNext();
        var start = _time.GetUtcNow();
        var sale = await _client.StartSaleAsync(Sale());

        var result = await DriveAsync(sale.WaitForCompletionOrAbortAsync(AbortAfter));

        Assert.Equal(TransactionStatus.Closed, result.Status);
        Assert.Same(result, sale.Value);
        var abort = Assert.Single(Aborts());
        Assert.InRange(abort.Time - start, AbortAfter, AbortAfter + TimeSpan.FromSeconds(2));
        Assert.Equal(FakeSunbayCodes.Success, abort.Code);
        var body = JsonDocument.Parse(abort.Body).RootElement;
        Assert.Equal(sale.TransactionRequestId, body.GetProperty("originalTransactionRequestId").GetString());
        Assert.Equal(Terminal.Sn, body.GetProperty("terminalSn").GetString());
        Assert.Equal("Aborted by the merchant", _host.FindTransaction(sale.TransactionRequestId)!.ResultMessage);
        Assert.False(Terminal.IsBusy);
    }

    [Fact]
    public async Task The_terminal_approves_at_the_instant_of_the_abort_and_the_payment_is_reported()
    {
        // The card is approved at 30 s, when the abort is sent; the abort reaches SUNBAY a second later.
        Terminal.CardPresentDelay = AbortAfter;
        Terminal.ApproveNext();
        _host.Faults.EnqueueLatency(FakeEndpoint.Abort, TimeSpan.FromSeconds(1));
        var sale = await _client.StartSaleAsync(Sale());

        var result = await DriveAsync(sale.WaitForCompletionOrAbortAsync(AbortAfter));

        Assert.Equal(TransactionStatus.Success, result.Status);
        Assert.True(result.IsApproved);
        Assert.True(sale.Value.IsApproved);
        var abort = Assert.Single(Aborts());
        Assert.Equal(FakeSunbayCodes.StatusNotAllowed, abort.Code);
        Assert.Equal("S", _host.FindTransaction(sale.TransactionRequestId)!.Status);
    }

    [Fact]
    public async Task A_card_presented_before_the_deadline_sends_no_abort()
    {
        var sale = await _client.StartSaleAsync(Sale());

        var result = await DriveAsync(sale.WaitForCompletionOrAbortAsync(AbortAfter));

        Assert.True(result.IsApproved);
        Assert.Empty(Aborts());
    }

    [Fact]
    public async Task An_abort_lost_on_the_network_is_sent_again_and_the_wait_goes_on()
    {
        Terminal.NeverPresentCardNext();
        _host.Faults.Enqueue(FakeEndpoint.Abort, FakeFault.DropBeforeRecording);
        var sale = await _client.StartSaleAsync(Sale());

        var result = await DriveAsync(sale.WaitForCompletionOrAbortAsync(AbortAfter));

        Assert.Equal(TransactionStatus.Closed, result.Status);
        Assert.Equal(2, Aborts().Count);
        Assert.Equal(FakeSunbayCodes.Success, Aborts()[1].Code);
    }

    [Fact]
    public async Task An_accepted_abort_is_not_the_outcome_when_the_terminal_approved_first()
    {
        // SUNBAY accepts the abort (code 0, status C) but the terminal had approved: only the query tells the truth.
        var stub = new StubHandler()
            .Then(_ => StubHandler.Json(StubHandler.Dispatch("req-race")))
            .Then(_ => StubHandler.Json(StubHandler.Envelope("""{"originalTransactionId":"7225836252468027","originalTransactionRequestId":"req-race","transactionStatus":"C"}""")))
            .Then(_ => StubHandler.Json(StubHandler.Query("req-race", "S")));
        using var client = TestClients.Create(stub);
        var sale = await client.StartSaleAsync(TestClients.Sale(transactionRequestId: "req-race"));

        var result = await sale.WaitForCompletionOrAbortAsync(TimeSpan.Zero);

        Assert.Equal(TransactionStatus.Success, result.Status);
        Assert.Contains("/transaction/abort", stub.Calls[1].Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("\"originalTransactionRequestId\":\"req-race\"", stub.Calls[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_abort_delay_is_an_argument_error()
    {
        var operation = _client.GetOperation("req1");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => operation.WaitForCompletionOrAbortAsync(TimeSpan.FromSeconds(-1)));
    }
}
