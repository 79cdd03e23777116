using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests.CmCom;

/// <summary>The fake CM.com host on a real loopback port (Kestrel): the same behaviour over sockets, absolute Link URLs on its address, real dropped connections.</summary>
public sealed class FakeCmComLoopbackTests : IAsyncDisposable
{
    private readonly CmComSession _fake = new(listen: true);

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task A_purchase_runs_over_real_HTTP()
    {
        Assert.True(_fake.Host.IsListening);
        Assert.Equal("127.0.0.1", _fake.Host.BaseAddress.Host);

        var posted = await _fake.Cm.StartAsync(CmComCaller.Purchase(98.75m));
        _fake.Clock.Advance(TimeSpan.FromSeconds(6));
        var read = await _fake.Cm.GetTransactionAsync(posted["id"]!);

        Assert.Equal(201, posted.Status);
        Assert.Equal(("CLEARED", "APPROVED"), (read["status"], read["result"]));
        Assert.Equal("98.75", read.Json.GetProperty("amount").GetProperty("value").GetRawText());
    }

    [Fact]
    public async Task Errors_are_problem_json_over_real_HTTP_too()
    {
        using var wrong = new CmComCaller(_fake.Host, apiKey: "wrong");

        var answer = await wrong.SendAsync(HttpMethod.Get, "terminals");

        Assert.Equal("Invalid API Key.", answer.Problem(403, "Forbidden", "/terminals"));
    }

    [Fact]
    public async Task Link_headers_carry_absolute_URLs_on_the_listening_address()
    {
        _fake.Host.AddTerminal("SUNMI-P2lite-FAKE0000002");

        var answer = await _fake.Cm.SendAsync(HttpMethod.Get, "terminals?size=1&page=2");

        Assert.Equal(
            $"<{_fake.Host.BaseAddress}terminals?page=1&size=1>; rel=\"prev\", <{_fake.Host.BaseAddress}terminals?page=1&size=1>; rel=\"first\", <{_fake.Host.BaseAddress}terminals?page=2&size=1>; rel=\"last\"",
            answer.Header("Link"));
        Assert.Equal(string.Empty, (await _fake.Cm.SendAsync(HttpMethod.Get, "stores")).Header("Link"));
    }

    [Fact]
    public async Task A_dropped_connection_after_recording_is_a_real_socket_error()
    {
        _fake.Host.Faults.Enqueue(FakeEndpoint.StartTransaction, FakeFault.DropAfterRecording);

        await Assert.ThrowsAsync<HttpRequestException>(() => _fake.Cm.StartAsync(CmComCaller.Purchase(10m)));

        Assert.Single(_fake.Host.Transactions);
        Assert.Null(Assert.Single(_fake.Host.Journal).StatusCode);
    }
}
