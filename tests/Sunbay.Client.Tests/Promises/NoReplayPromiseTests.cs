using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.CmCom;

namespace Sunbay.Client.Tests.Promises;

/// <summary>
/// A request that must not repeat (a start, a cancel) leaves once: when a kept-alive connection closes after the server
/// read it, without an answer, the platform's handler must not send it again on a new connection; the caller is told
/// the outcome is unknown.
/// </summary>
public sealed class NoReplayPromiseTests
{
    public static TheoryData<ProviderCase, string> Cases => AnswerPromiseTests.Cross(["start", "cancel"]);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_push_whose_connection_closes_unanswered_is_sent_once_and_outcome_unknown(ProviderCase provider, string call)
    {
        Func<WireRequest, bool> isPush = call == "start" ? provider.IsStart : provider.IsCancel;
        await using var server = MisbehavingServer.Start(r => isPush(r) ? Reply.Close : provider.Normal(r));
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider());

        // An answered query first, so that the push goes out on a kept-alive connection: the one a handler replays on.
        await client.QueryAsync();
        var error = await Assert.ThrowsAnyAsync<PaymentsTransportException>(() => call == "start" ? client.StartAsync() : client.CancelAsync());

        Assert.Single(server.Requests, r => isPush(r));
        Assert.Equal(server.Requests[0].Connection, server.Requests.Single(r => isPush(r)).Connection);
        Assert.True(error.OutcomeUnknown, error.Message);
    }

    [Fact]
    public async Task A_key_revoke_whose_connection_closes_unanswered_is_sent_once_and_outcome_unknown()
    {
        // Only CM.com manages keys over its API: a DELETE without a body, like its cancel.
        var provider = ProviderCase.CmCom;
        await using var server = MisbehavingServer.Start(r => r.Method == "DELETE" ? Reply.Close : r.Path == "/apikeys" ? Reply.Json(200, "[]") : provider.Normal(r));
        var options = new CmComClientOptions { BaseAddress = server.BaseAddress, ApiKey = provider.ApiKey, Terminal = "SUNMI-P2lite-PL0919CQ00305" };
        using var client = new CmComClient(options, primaryHandler: null, new FakeTimeProvider());

        await client.ListApiKeysAsync();
        var error = await Assert.ThrowsAnyAsync<PaymentsTransportException>(() => client.RevokeApiKeyAsync(854844465));

        Assert.Single(server.Requests, r => r.Method == "DELETE");
        Assert.Equal("/apikeys/854844465", server.Requests.Single(r => r.Method == "DELETE").Path);
        Assert.True(error.OutcomeUnknown, error.Message);
    }

    [Theory]
    [MemberData(nameof(AnswerPromiseTests.Providers), MemberType = typeof(AnswerPromiseTests))]
    public async Task A_query_whose_connection_closes_unanswered_is_asked_again(ProviderCase provider)
    {
        var closed = 0;
        await using var server = MisbehavingServer.Start(r => provider.IsQuery(r) && Interlocked.Increment(ref closed) == 2 ? Reply.Close : provider.Normal(r));
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider());

        await client.QueryAsync();
        await client.QueryAsync(); // a query may repeat: the handler or the retry asks again, and the answer comes

        Assert.Equal(3, server.Requests.Count(provider.IsQuery));
    }
}
