using Microsoft.Extensions.Time.Testing;

namespace Sunbay.Client.Tests.Promises;

/// <summary>
/// What each provider's client puts on the wire through the default transport: only its own headers, and nothing that
/// asks the server to change the answer's encoding (no provider documents compressed answers).
/// </summary>
public sealed class WireHeaderPromiseTests
{
    [Theory]
    [MemberData(nameof(ProviderCase.All), MemberType = typeof(ProviderCase))]
    public async Task A_start_and_a_query_ask_for_no_compression(ProviderCase provider)
    {
        await using var server = MisbehavingServer.Start(provider.Normal);
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider());

        await client.StartAsync();
        await client.QueryAsync();

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.DoesNotContain(r.Headers.Keys, k => string.Equals(k, "Accept-Encoding", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [MemberData(nameof(ProviderCase.All), MemberType = typeof(ProviderCase))]
    public async Task SUNBAYs_client_request_id_goes_to_SUNBAY_only(ProviderCase provider)
    {
        await using var server = MisbehavingServer.Start(provider.Normal);
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider());

        await client.StartAsync();

        var sent = server.Requests.Single().Headers.Keys.Any(k => string.Equals(k, "X-Client-Request-Id", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(provider == ProviderCase.Sunbay, sent);
    }
}
