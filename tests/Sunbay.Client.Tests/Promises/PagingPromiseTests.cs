using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Http;

namespace Sunbay.Client.Tests.Promises;

/// <summary>
/// A paged list ends whatever the server answers: a page that repeats earlier items, the announced total reached, or a
/// page limit; a list that does not end is the SDK's transport error, never an endless loop.
/// </summary>
public sealed class PagingPromiseTests
{
    [Theory]
    [MemberData(nameof(ProviderCase.WithLists), MemberType = typeof(ProviderCase))]
    public async Task New_links_over_the_same_items_end(ProviderCase provider)
    {
        await using var server = MisbehavingServer.Start(r => provider.IsList(r) ? provider.ListPage(r, ["a", "b"], Next(provider, r)) : provider.Normal(r));
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider());

        var error = await Record.ExceptionAsync(() => client.ListAsync().WaitAsync(TimeSpan.FromMinutes(2)));

        Assert.IsAssignableFrom<PaymentsTransportException>(error);
        Assert.InRange(server.Requests.Count(provider.IsList), 2, PageGuard.DefaultMaxPages);
    }

    [Theory]
    [MemberData(nameof(ProviderCase.WithLists), MemberType = typeof(ProviderCase))]
    public async Task A_list_that_never_ends_stops_at_the_page_limit(ProviderCase provider)
    {
        await using var server = MisbehavingServer.Start(r => provider.IsList(r) ? provider.ListPage(r, [$"p{Next(provider, r)}"], Next(provider, r)) : provider.Normal(r));
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider());

        var error = await Record.ExceptionAsync(() => client.ListAsync().WaitAsync(TimeSpan.FromMinutes(2)));

        Assert.IsAssignableFrom<PaymentsTransportException>(error);
        Assert.Equal(PageGuard.DefaultMaxPages, server.Requests.Count(provider.IsList));
    }

    [Fact]
    public async Task The_announced_total_ends_a_list()
    {
        // Only CM.com announces a total (X-Total-Count); SUNBAY's terminal pages carry none.
        var provider = ProviderCase.CmCom;
        await using var server = MisbehavingServer.Start(r => provider.IsList(r) ? provider.ListPage(r, [$"p{Next(provider, r)}a", $"p{Next(provider, r)}b"], Next(provider, r), total: 4) : provider.Normal(r));
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider());

        Assert.Equal(4, await client.ListAsync().WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.Equal(2, server.Requests.Count(provider.IsList));
    }

    [Fact]
    public void The_guard_ends_on_a_repeated_page_the_total_and_the_limit()
    {
        var repeated = new PageGuard();
        Assert.Equal(PageVerdict.Next, repeated.AfterPage(["a", "b"], null, hasNext: true));
        Assert.Equal(PageVerdict.Fail, repeated.AfterPage(["b", "a"], null, hasNext: true));

        var total = new PageGuard();
        Assert.Equal(PageVerdict.Next, total.AfterPage(["a"], 2, hasNext: true));
        Assert.Equal(PageVerdict.Last, total.AfterPage(["b"], 2, hasNext: true));

        var limited = new PageGuard(maxPages: 2);
        Assert.Equal(PageVerdict.Next, limited.AfterPage(["a"], null, hasNext: true));
        Assert.Equal(PageVerdict.Fail, limited.AfterPage(["b"], null, hasNext: true));
        Assert.Equal(PageVerdict.Last, new PageGuard(maxPages: 1).AfterPage(["a"], null, hasNext: false));
    }

    /// <summary>The page after the one asked for, numbered from 1: a new link or token on every page.</summary>
    private static string Next(ProviderCase provider, WireRequest request) =>
        (int.Parse(provider.PageOf(request) ?? "1", System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
