using Microsoft.Extensions.Time.Testing;

namespace Sunbay.Client.Tests.Promises;

/// <summary>
/// Only the SDK's own exceptions leave a call, whatever a server answers with a success status: no body, JSON
/// <c>null</c>, a list holding <c>null</c> (on a start, the outcome is unknown so that recovery runs); and a success or
/// an error body is read up to a bound, not whole.
/// </summary>
public sealed class AnswerPromiseTests
{
    public static TheoryData<ProviderCase, string> EmptySuccesses => Cross(["204", "null"]);

    [Theory]
    [MemberData(nameof(EmptySuccesses))]
    public async Task A_start_answered_without_a_body_is_outcome_unknown(ProviderCase provider, string answer)
    {
        await using var server = MisbehavingServer.Start(r => provider.IsStart(r) ? Empty(answer) : provider.Normal(r));
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider());

        var error = await Assert.ThrowsAnyAsync<PaymentsTransportException>(() => client.StartAsync());

        Assert.True(error.OutcomeUnknown, error.Message);
        Assert.Single(server.Requests, provider.IsStart);
    }

    [Theory]
    [MemberData(nameof(EmptySuccesses))]
    public async Task A_query_answered_without_a_body_is_the_SDKs_error(ProviderCase provider, string answer)
    {
        await using var server = MisbehavingServer.Start(r => provider.IsQuery(r) ? Empty(answer) : provider.Normal(r));
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider());

        await Assert.ThrowsAnyAsync<PaymentsTransportException>(() => client.QueryAsync());
    }

    [Theory]
    [MemberData(nameof(ProviderCase.WithLists), MemberType = typeof(ProviderCase))]
    public async Task A_list_holding_null_is_the_SDKs_error(ProviderCase provider)
    {
        await using var server = MisbehavingServer.Start(r => provider.IsList(r) ? ListHoldingNull(provider) : provider.Normal(r));
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider());

        await Assert.ThrowsAnyAsync<PaymentsTransportException>(() => client.ListAsync());
    }

    public static TheoryData<ProviderCase, string> HugeErrors => Cross(["start", "query"]);

    [Theory]
    [MemberData(nameof(HugeErrors))]
    public async Task An_error_body_is_read_up_to_a_bound(ProviderCase provider, string call)
    {
        const long size = 64L * 1024 * 1024;
        await using var server = MisbehavingServer.Start(r => provider.IsStart(r) || provider.IsQuery(r) ? Reply.Huge(call == "start" ? 500 : 400, size) : provider.Normal(r));
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider(), maxGetRetries: 0);

        var error = await Assert.ThrowsAnyAsync<PaymentsException>(() => call == "start" ? client.StartAsync() : client.QueryAsync());

        // What the client took before it stopped: its bound, what the handler drains, and the sockets' buffers.
        Assert.InRange(server.HugeBytesWritten, 0, size / 2);
        Assert.True(error.Message.Length < 2_000, error.Message);
    }

    public static TheoryData<ProviderCase, string> HugeSuccesses => Cross(["start announced", "start unannounced", "query announced", "query unannounced"]);

    [Theory]
    [MemberData(nameof(HugeSuccesses))]
    public async Task A_success_body_is_read_up_to_a_bound(ProviderCase provider, string call)
    {
        // Announced: refused from its Content-Length; unannounced (no length, the connection's end ends it): read up to the bound.
        const long size = 64L * 1024 * 1024;
        var start = call.StartsWith("start", StringComparison.Ordinal);
        var huge = Reply.Huge(200, size, "application/json", announced: !call.EndsWith("unannounced", StringComparison.Ordinal));
        await using var server = MisbehavingServer.Start(r => (start ? provider.IsStart(r) : provider.IsQuery(r)) ? huge : provider.Normal(r));
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider(), maxGetRetries: 0);

        var error = await Assert.ThrowsAnyAsync<PaymentsTransportException>(() => start ? client.StartAsync() : client.QueryAsync());

        Assert.Contains("16 MiB", error.ToString(), StringComparison.Ordinal);
        Assert.True(!start || error.OutcomeUnknown, error.Message);
        Assert.InRange(server.HugeBytesWritten, 0, size / 2);
    }

    [Theory]
    [MemberData(nameof(HugeErrors))]
    public async Task An_answer_that_stalls_mid_body_ends_at_the_time_limit(ProviderCase provider, string call)
    {
        // Headers and half the body, then nothing: the call's time limit (on the client's clock) covers the body too.
        var time = new FakeTimeProvider();
        var start = call == "start";
        await using var server = MisbehavingServer.Start(r =>
            (start ? provider.IsStart(r) : provider.IsQuery(r)) && provider.Normal(r) is { Body: { } body } normal
                ? normal with { StallAfter = body.Length / 2 }
                : provider.Normal(r));
        using var client = provider.Create(server.BaseAddress, time, maxGetRetries: 0);

        var pending = start ? client.StartAsync() : client.QueryAsync();
        await server.Stalled.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(10));

        var error = await Assert.ThrowsAnyAsync<PaymentsTransportException>(() => pending.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(!start || error.OutcomeUnknown, error.Message);
    }

    public static TheoryData<ProviderCase> Providers => ProviderCase.All;

    internal static TheoryData<ProviderCase, string> Cross(string[] cases)
    {
        var data = new TheoryData<ProviderCase, string>();
        foreach (var provider in ProviderCase.Each)
        {
            foreach (var item in cases)
            {
                data.Add(provider, item);
            }
        }

        return data;
    }

    private static Reply Empty(string answer) => answer == "204" ? Reply.Json(204, null) : Reply.Json(200, "null");

    private static Reply ListHoldingNull(ProviderCase provider) => provider == ProviderCase.Sunbay
        ? Reply.Json(200, """{"code":"0","msg":"Success","traceId":"t1","data":{"terminals":[{"sn":"T1"},null]}}""")
        : Reply.Json(200, """[null]""");
}
