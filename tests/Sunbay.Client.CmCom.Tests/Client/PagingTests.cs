using System.Net;
using Sunbay.Client.CmCom.Http;
using Sunbay.Client.CmCom.Tests.Support;

namespace Sunbay.Client.CmCom.Tests.Client;

/// <summary>Lists follow RFC 8288 <c>Link: rel="next"</c> page after page, with the configured page size.</summary>
public sealed class PagingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Stores_are_listed_across_pages_following_absolute_or_relative_next_links(bool relative)
    {
        var stub = new MerchantApiStub { Stores = 7, RelativeLinks = relative };
        using var client = TestClients.Client(stub, TestClients.Options(o => o.PageSize = 3));

        var stores = await ToListAsync(client.GetStoresAsync());

        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"store-{i}"), stores.Select(s => s.Uuid));
        Assert.Equal(["?page=1&size=3", "?page=2&size=3", "?page=3&size=3"], stub.Requests.Select(r => r.Uri.Query));
    }

    [Fact]
    public async Task A_list_that_fits_on_one_page_is_one_request()
    {
        var stub = new MerchantApiStub { Stores = 3 };
        using var client = TestClients.Client(stub, TestClients.Options(o => o.PageSize = 3));

        Assert.Equal(3, (await ToListAsync(client.GetStoresAsync())).Count);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Terminals_and_a_terminals_transactions_are_listed()
    {
        var stub = new MerchantApiStub();
        for (var i = 0; i < 5; i++)
        {
            stub.Add($"inv-{i}");
        }

        stub.Add("other", terminal: "SUNMI-V2s-XY1");
        using var client = TestClients.Client(stub, TestClients.Options(o => o.PageSize = 2));

        var terminals = await ToListAsync(client.GetTerminalsAsync());
        var transactions = await ToListAsync(client.GetTransactionsAsync());

        Assert.Equal([MerchantApiStub.Terminal, "SUNMI-V2s-XY1"], terminals.Select(t => t.Id));
        Assert.Equal(new CmComStore("store-1", "Store 1"), terminals[0].Store);
        Assert.Equal(5, transactions.Count);
        Assert.All(transactions, t => Assert.Equal(MerchantApiStub.Terminal, t.TerminalId));
    }

    [Fact]
    public async Task A_next_link_to_another_host_is_not_followed_so_the_key_never_leaves()
    {
        var stub = new MerchantApiStub().Then(_ =>
        {
            var page = MerchantApiStub.Answer(HttpStatusCode.OK, """[{"uuid":"s1"}]""");
            page.Headers.TryAddWithoutValidation("Link", "<https://evil.test/stores?page=2>; rel=\"next\"");
            return page;
        });
        using var client = TestClients.Client(stub);

        var error = await Assert.ThrowsAsync<CmComTransportException>(() => ToListAsync(client.GetStoresAsync()));

        Assert.Single(stub.Requests);
        Assert.False(error.OutcomeUnknown);
        Assert.Contains("outside CmCom:BaseAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_next_link_that_repeats_ends_the_list()
    {
        var stub = new MerchantApiStub();
        for (var i = 0; i < 3; i++)
        {
            stub.Then(request =>
            {
                var page = MerchantApiStub.Answer(HttpStatusCode.OK, """[{"uuid":"s1"}]""");
                page.Headers.TryAddWithoutValidation("Link", "<?page=2&size=100>; rel=\"next\"");
                return page;
            });
        }

        using var client = TestClients.Client(stub);

        Assert.Equal(2, (await ToListAsync(client.GetStoresAsync())).Count);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Theory]
    [InlineData("<https://h/x?page=2>; rel=\"next\"", "https://h/x?page=2")]
    [InlineData("<https://h/x?page=1>; rel=\"prev\", <https://h/x?page=3>; rel=\"next\", <https://h/x?page=1>; rel=\"first\"", "https://h/x?page=3")]
    [InlineData("<https://h/x?page=9>; title=\"a, b; rel=next\"; rel=last, <https://h/x?page=4>; REL=\"Next\"", "https://h/x?page=4")]
    [InlineData("<https://h/x?page=5>; rel=\"last next\"", "https://h/x?page=5")]
    [InlineData("<?page=2&size=10>; rel=next", "https://h/base/stores?page=2&size=10")]
    [InlineData("</base/terminals?page=2>;rel=\"next\"", "https://h/base/terminals?page=2")]
    [InlineData("<https://h/x?a=1,2>; rel=\"next\"", "https://h/x?a=1,2")]
    [InlineData("", null)]
    [InlineData("<https://h/x?page=1>; rel=\"first\"", null)]
    [InlineData("<https://h/x?page=2", null)]
    public void Link_headers_are_read_per_rfc_8288(string header, string? expected)
    {
        var next = LinkHeader.Find(header, "next", new Uri("https://h/base/stores?page=1&size=10"));

        Assert.Equal(expected, next?.AbsoluteUri);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
