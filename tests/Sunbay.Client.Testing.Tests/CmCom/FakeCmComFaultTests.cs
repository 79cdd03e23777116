using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests.CmCom;

/// <summary>Fault injection and the journal of the fake CM.com host, in memory (the loopback transport: <see cref="FakeCmComLoopbackTests"/>).</summary>
public sealed class FakeCmComFaultTests : IAsyncDisposable
{
    private readonly CmComSession _fake = new();

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task A_connection_dropped_after_recording_leaves_a_transaction_to_find_by_its_order_reference()
    {
        _fake.Host.Faults.Enqueue(FakeEndpoint.StartTransaction, FakeFault.DropAfterRecording);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _fake.Cm.StartAsync(CmComCaller.Purchase(10m, "order-lost")));

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        var recorded = Assert.Single(_fake.Host.Journal);
        Assert.Equal((FakeEndpoint.StartTransaction, (int?)null, FakeFault.DropAfterRecording), (recorded.Endpoint, recorded.StatusCode, recorded.Fault));
        var list = await _fake.Cm.SendAsync(HttpMethod.Get, $"terminals/{CmComCaller.Terminal}/transactions");
        Assert.Equal("order-lost", list.Json[0].GetProperty("merchant_order_reference").GetString());
        Assert.Equal("CREATED", list.Json[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_connection_dropped_before_recording_creates_nothing()
    {
        _fake.Host.Faults.Enqueue(FakeEndpoint.StartTransaction, FakeFault.DropBeforeRecording);

        await Assert.ThrowsAsync<HttpRequestException>(() => _fake.Cm.StartAsync(CmComCaller.Purchase(10m)));

        Assert.Empty(_fake.Host.Transactions);
        Assert.Equal("0", (await _fake.Cm.SendAsync(HttpMethod.Get, $"terminals/{CmComCaller.Terminal}/transactions")).Header("X-Total-Count"));
    }

    [Theory]
    [InlineData(FakeFault.ServerError, 500, "Internal Server Error")]
    [InlineData(FakeFault.BadGateway, 502, "Bad Gateway")]
    [InlineData(FakeFault.ServiceUnavailable, 503, "Service Unavailable")]
    [InlineData(FakeFault.GatewayTimeout, 504, "Gateway Timeout")]
    public async Task A_5xx_on_a_GET_is_problem_json_and_the_next_GET_succeeds(FakeFault fault, int status, string title)
    {
        var id = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m)))["id"]!;
        _fake.Host.Faults.Enqueue(FakeEndpoint.GetTransaction, fault);

        var failed = await _fake.Cm.GetTransactionAsync(id);
        var retried = await _fake.Cm.GetTransactionAsync(id);

        failed.Problem(status, title, $"/terminals/{CmComCaller.Terminal}/transactions/{id}");
        Assert.Equal((200, "CREATED"), (retried.Status, retried["status"]));
        Assert.Equal(0, _fake.Host.Faults.Pending);
    }

    [Fact]
    public async Task A_409_on_cancel_leaves_the_transaction_running()
    {
        var id = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m)))["id"]!;
        _fake.Host.Faults.Enqueue(FakeEndpoint.CancelTransaction, FakeFault.Conflict);

        var refused = await _fake.Cm.CancelAsync(id);
        _fake.Clock.Advance(TimeSpan.FromSeconds(5));

        refused.Problem(409, "Conflict", $"/terminals/{CmComCaller.Terminal}/transactions/{id}");
        Assert.Equal("APPROVED", (await _fake.Cm.GetTransactionAsync(id))["result"]);
    }

    [Fact]
    public async Task Latency_holds_the_answer_until_the_host_clock_moves()
    {
        _fake.Host.Faults.EnqueueLatency(FakeEndpoint.Any, TimeSpan.FromSeconds(30));

        var pending = _fake.Cm.SendAsync(HttpMethod.Get, "stores");
        var answer = await _fake.Host.RunUntilAsync(pending, TimeSpan.FromMinutes(1));

        Assert.Equal(200, answer.Status);
        Assert.Equal(FakeClock.DefaultStart.AddSeconds(30), _fake.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Processed_faults_spoil_the_answer_after_the_work_is_done()
    {
        _fake.Host.Faults.Enqueue(FakeEndpoint.StartTransaction, FakeFault.TruncatedJson);

        var spoiled = await _fake.Cm.StartAsync(CmComCaller.Purchase(10m));

        Assert.Equal(200, spoiled.Status);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => spoiled.Json);
        Assert.Single(_fake.Host.Transactions);
    }

    [Fact]
    public async Task A_fault_of_the_other_provider_is_refused()
    {
        await using var sunbay = FakeSunbayHost.CreateInMemory();

        Assert.Throws<ArgumentException>(() => _fake.Host.Faults.Enqueue(FakeEndpoint.Any, FakeFault.DuplicateClientRequestId));
        Assert.Throws<ArgumentException>(() => sunbay.Faults.Enqueue(FakeEndpoint.Any, FakeFault.Conflict));
    }

    [Fact]
    public async Task The_journal_records_every_request_with_its_endpoint_and_status()
    {
        using var anonymous = new CmComCaller(_fake.Host, apiKey: string.Empty);
        await anonymous.SendAsync(HttpMethod.Get, "stores?page=2");
        var id = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m)))["id"]!;
        await _fake.Cm.CancelAsync(id);

        var journal = _fake.Host.Journal;

        Assert.Equal(
            [(FakeEndpoint.ListStores, "/stores?page=2", 401), (FakeEndpoint.StartTransaction, $"/terminals/{CmComCaller.Terminal}/transactions", 201), (FakeEndpoint.CancelTransaction, $"/terminals/{CmComCaller.Terminal}/transactions/{id}", 204)],
            journal.Select(r => (r.Endpoint, r.PathAndQuery, r.StatusCode ?? 0)));
        Assert.Equal(_fake.Host.ApiKey, journal[1].Headers["API-Key"]);
        Assert.Contains("\"merchant_order_reference\":\"inv2112280004\"", journal[1].Body, StringComparison.Ordinal);
        Assert.Equal(FakeClock.DefaultStart, journal[0].Time);
    }

    [Fact]
    public async Task Without_a_FakeClock_RunUntilAsync_says_how_to_get_one()
    {
        await using var system = FakeCmComHost.CreateInMemory();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => system.RunUntilAsync(Task.CompletedTask, TimeSpan.FromSeconds(1)));

        Assert.Contains("FakeClock", error.Message, StringComparison.Ordinal);
        Assert.Equal("FakeCmComHost (in memory)", system.ToString());
    }
}
