using System.Net;
using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Testing;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Testing.Tests;

/// <summary>Signed webhooks with retries and controls, and fault injection.</summary>
public sealed class FakeSunbayHostWebhookAndFaultTests : IDisposable
{
    private const string SalePath = "v1/semi-integration/transaction/sale";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly FakeSunbayHost _host;
    private readonly RawSunbay _raw;
    private readonly WireMockServer _receiver;
    private int _failuresLeft;

    public FakeSunbayHostWebhookAndFaultTests()
    {
        _host = FakeSunbayHost.Start(new FakeSunbayHostOptions { TimeProvider = _time });
        _raw = new RawSunbay(_host);
        _receiver = WireMockServer.Start();
        _receiver.Given(Request.Create().WithPath("/hook").UsingPost()).RespondWith(Response.Create().WithCallback(_ =>
            new ResponseMessage { StatusCode = Interlocked.Decrement(ref _failuresLeft) >= 0 ? 500 : 200 }));
    }

    private string HookUrl => _receiver.Url + "/hook";

    public void Dispose()
    {
        _raw.Dispose();
        _host.Dispose();
        _receiver.Dispose();
    }

    [Fact]
    public async Task Final_status_is_posted_signed_to_the_notify_url()
    {
        await _raw.PostAsync(SalePath, Bodies.Sale(_host, "SALE1", 1000, notifyUrl: HookUrl));
        _time.Advance(TimeSpan.FromSeconds(2));
        await _host.Webhooks.WaitForDeliveriesAsync(1);

        var entry = Assert.Single(_receiver.LogEntries);
        var headers = entry.RequestMessage!.Headers!;
        var body = entry.RequestMessage.Body!;
        Assert.Equal("application/json; charset=utf-8", headers["Content-Type"][0]);
        Assert.True(Guid.TryParse(headers["X-Client-Request-Id"][0], out _));
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), headers["X-Timestamp"][0]);
        Assert.Equal(Hmac(System.Text.Encoding.UTF8.GetBytes(body)), headers["X-Signature"][0]);
        Assert.Matches("^[0-9a-f]{64}$", headers["X-Signature"][0]);
        Assert.Contains("\"transactionStatus\":\"S\"", body, StringComparison.Ordinal);
        Assert.Contains("\"transactionRequestId\":\"SALE1\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"code\"", body, StringComparison.Ordinal);
        Assert.True(_host.Webhooks.Deliveries[0].Acknowledged);
    }

    [Fact]
    public async Task An_enveloped_delivery_is_signed_as_wrapped_and_its_data_is_the_transaction()
    {
        _host.Webhooks.EnvelopeNext();
        await _raw.PostAsync(SalePath, Bodies.Sale(_host, "SALE1", 1000, notifyUrl: HookUrl));
        _time.Advance(TimeSpan.FromSeconds(2));
        await _host.Webhooks.WaitForDeliveriesAsync(1);

        var entry = Assert.Single(_receiver.LogEntries);
        var body = entry.RequestMessage!.Body!;
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        Assert.StartsWith("{\"code\":\"0\",\"msg\":\"Success\",\"traceId\":", body, StringComparison.Ordinal);
        Assert.Equal(Hmac(bytes), entry.RequestMessage.Headers!["X-Signature"][0]);
        var transaction = Sunbay.Client.Webhooks.SunbayWebhookPayload.Parse(bytes);
        Assert.Equal("SALE1", transaction.TransactionRequestId);
        Assert.Equal(TransactionStatus.Success, transaction.Status);
    }

    [Fact]
    public async Task Failed_delivery_is_retried_with_the_same_request_id_on_the_host_clock()
    {
        _failuresLeft = 2;
        await _raw.PostAsync(SalePath, Bodies.Sale(_host, "SALE1", 1000, notifyUrl: HookUrl));
        _time.Advance(TimeSpan.FromSeconds(2));
        await _host.Webhooks.WaitForDeliveriesAsync(1);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _host.Webhooks.WaitForDeliveriesAsync(2);
        _time.Advance(TimeSpan.FromSeconds(2));
        await _host.Webhooks.WaitForDeliveriesAsync(3);

        var deliveries = _host.Webhooks.Deliveries;
        Assert.Equal([500, 500, 200], deliveries.Select(d => d.StatusCode ?? 0));
        Assert.Equal([1, 2, 3], deliveries.Select(d => d.Attempt));
        Assert.Single(deliveries.Select(d => d.NotificationId).Distinct());
        Assert.Equal(3, _receiver.LogEntries.Count);
    }

    [Fact]
    public async Task Duplicate_and_tampered_deliveries_on_request()
    {
        _host.Webhooks.DuplicateNext();
        _host.Webhooks.TamperNext();
        await _raw.PostAsync(SalePath, Bodies.Sale(_host, "SALE1", 1000, notifyUrl: HookUrl));
        _time.Advance(TimeSpan.FromSeconds(2));
        await _host.Webhooks.WaitForDeliveriesAsync(2);

        var deliveries = _host.Webhooks.Deliveries;
        Assert.Equal(deliveries[0].NotificationId, deliveries[1].NotificationId);
        Assert.True(deliveries[1].Duplicate);
        Assert.True(deliveries[0].Tampered);
        Assert.NotEqual(Hmac(System.Text.Encoding.UTF8.GetBytes(deliveries[0].Body)), deliveries[0].Signature);
    }

    [Fact]
    public async Task Held_deliveries_are_released_out_of_order()
    {
        _host.Webhooks.HoldNext(2);
        await _raw.PostAsync(SalePath, Bodies.Sale(_host, "SALE1", 1000, notifyUrl: HookUrl));
        _time.Advance(TimeSpan.FromSeconds(2));
        await _raw.PostAsync(SalePath, Bodies.Sale(_host, "SALE2", 1000, referenceOrderId: "ORDER-0002", notifyUrl: HookUrl));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, _host.Webhooks.HeldCount);

        Assert.Equal(2, _host.Webhooks.ReleaseHeld());
        await _host.Webhooks.WaitForDeliveriesAsync(2);

        Assert.Equal(["SALE2", "SALE1"], _host.Webhooks.Deliveries.Select(d => d.TransactionRequestId));
    }

    [Fact]
    public async Task Non_loopback_notify_url_is_refused_not_called()
    {
        await _raw.PostAsync(SalePath, Bodies.Sale(_host, "SALE1", 1000, notifyUrl: "https://example.com/hook"));
        _time.Advance(TimeSpan.FromSeconds(2));
        await _host.Webhooks.WaitForDeliveriesAsync(1);

        var delivery = Assert.Single(_host.Webhooks.Deliveries);
        Assert.Null(delivery.StatusCode);
        Assert.StartsWith("refused", delivery.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FakeFault.ServerError, 500, true)]
    [InlineData(FakeFault.BadGateway, 502, true)]
    [InlineData(FakeFault.ServiceUnavailableHtml, 503, false)]
    [InlineData(FakeFault.GatewayTimeoutHtml, 504, false)]
    [InlineData(FakeFault.TooManyRequests, 429, true)]
    public async Task Server_faults_answer_before_processing(FakeFault fault, int status, bool envelope)
    {
        _host.Faults.Enqueue(FakeEndpoint.Sale, fault);

        var answer = await _raw.PostAsync(SalePath, Bodies.Sale(_host, "SALE1", 1000));

        Assert.Equal(status, answer.Status);
        Assert.Equal(envelope, answer.Body.StartsWith('{'));
        Assert.Empty(_host.Transactions);
        if (fault == FakeFault.TooManyRequests)
        {
            Assert.Equal(TimeSpan.FromSeconds(1), answer.Headers.RetryAfter!.Delta);
        }

        Assert.Equal("0", (await _raw.PostAsync(SalePath, Bodies.Sale(_host, "SALE1", 1000))).Code);
    }

    [Fact]
    public async Task Drop_before_recording_creates_nothing_and_drop_after_recording_charges()
    {
        _host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.DropBeforeRecording);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => _raw.PostAsync(SalePath, Bodies.Sale(_host, "SALE1", 1000)));
        Assert.Empty(_host.Transactions);

        _host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.DropAfterRecording);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => _raw.PostAsync(SalePath, Bodies.Sale(_host, "SALE1", 1000)));
        Assert.NotNull(_host.FindTransaction("SALE1"));
        Assert.Null(_host.Journal[^1].StatusCode);
    }

    [Fact]
    public async Task Spoiled_answers_after_processing()
    {
        _host.Faults.Enqueue(FakeEndpoint.Any, FakeFault.TruncatedJson);
        _host.Faults.Enqueue(FakeEndpoint.Any, FakeFault.EmptyBody);
        _host.Faults.Enqueue(FakeEndpoint.Any, FakeFault.MalformedJson);

        var truncated = await _raw.GetAsync(_raw.Query("v1/merchant/query"));
        var empty = await _raw.GetAsync(_raw.Query("v1/merchant/query"));
        var malformed = await _raw.GetAsync(_raw.Query("v1/merchant/query"));

        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)truncated.Status);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => truncated.Code);
        Assert.Equal(string.Empty, empty.Body);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => malformed.Code);
        Assert.Equal(0, _host.Faults.Pending);
    }

    [Fact]
    public async Task Client_sees_an_unknown_outcome_when_the_sale_was_charged_but_the_answer_lost()
    {
        using var client = _host.CreateClient();
        _host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.DropAfterRecording);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartSaleAsync(new SaleRequest
        {
            Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-0001", Description = "Coffee", TransactionRequestId = "LOST1",
        }));

        Assert.True(error.OutcomeUnknown);
        Assert.Single(_host.Journal, r => r.Endpoint == FakeEndpoint.Sale);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TransactionStatus.Success, (await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("LOST1"))).Status);
    }

    [Fact]
    public async Task Latency_is_spent_on_the_host_clock()
    {
        _host.Faults.EnqueueLatency(FakeEndpoint.Any, TimeSpan.FromSeconds(30));

        var pending = _raw.GetAsync(_raw.Query("v1/merchant/query"));
        await FakeTimeExtensions.WaitUntilAsync(() => pending.IsCompleted || _host.Faults.Pending == 0);

        Assert.False(pending.IsCompleted);
        // The delay timer is created right after the fault is taken; advance until it has been and fired.
        await _time.DriveUntilAsync(() => pending.IsCompleted, TimeSpan.FromSeconds(30), maxSteps: 2_000, roundsPerStep: 1);

        Assert.Equal("0", (await pending).Code);
    }

    /// <summary>The <c>X-Signature</c> SUNBAY would send, computed here rather than by the package's own signer.</summary>
    private string Hmac(byte[] body) =>
        Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_host.WebhookSecrets[0]), body)).ToLowerInvariant();
}
