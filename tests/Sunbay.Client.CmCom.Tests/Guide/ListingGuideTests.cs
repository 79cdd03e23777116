using System.Globalization;
using System.Net;
using Sunbay.Client.CmCom.Tests.Support;

namespace Sunbay.Client.CmCom.Tests.Guide;

/// <summary>
/// Issue 20, points 1 and 4, against a MerchantAPI that behaves as CM.com's guide says ("All endpoints, which return a
/// listing, allow pagination"): the key overview is paged too, and the client reads every page of every listing, and
/// stops on a server whose paging headers are broken instead of looping.
/// </summary>
public sealed class ListingGuideTests
{
    [Fact]
    public async Task The_key_overview_is_read_page_after_page()
    {
        var stub = new MerchantApiStub();
        for (var id = 2; id <= 25; id++)
        {
            stub.Keys[id] = $"key-{id}";
        }

        using var client = TestClients.Client(stub, TestClients.Options(o => o.PageSize = 10));

        var keys = await client.ListApiKeysAsync();

        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), keys.Select(k => k.Id));
        Assert.Equal(["?page=1&size=10", "?page=2&size=10", "?page=3&size=10"], stub.Requests.Select(r => r.Uri.Query));
        Assert.All(stub.Requests, r => Assert.Equal("/apikeys", r.Uri.AbsolutePath));
    }

    [Fact]
    public async Task A_rotation_finds_its_new_key_on_a_later_page_of_the_overview()
    {
        var stub = new MerchantApiStub();
        for (var id = 2; id <= 12; id++)
        {
            stub.Keys[id] = $"key-{id}";
        }

        using var client = TestClients.Client(stub, TestClients.Options(o => o.PageSize = 5));

        var rotation = await client.RotateApiKeyAsync(new CmComApiKeyRequest { Label = "next" }, oldKeyId: 1, (_, _) => Task.CompletedTask);

        // The stub labels its overview entries "key {id}": the new key came from the overview's last page, not from the fallback.
        Assert.Equal($"key {rotation.NewKey.Id}", rotation.NewKey.Label);
        Assert.True(stub.Count(HttpMethod.Get, "/apikeys") > 1);
    }

    [Fact]
    public async Task Paging_stops_once_x_total_count_entries_were_read_even_if_a_next_link_follows()
    {
        var stub = new MerchantApiStub();
        for (var i = 0; i < 3; i++)
        {
            var page = i + 1;
            stub.Then(_ => Page($$"""[{"uuid":"s{{page}}"}]""", total: 2, next: $"?page={page + 1}&size=1"));
        }

        using var client = TestClients.Client(stub);

        var stores = await ToListAsync(client.GetStoresAsync());

        Assert.Equal(["s1", "s2"], stores.Select(s => s.Uuid));
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_next_link_at_another_size_is_read_at_the_clients_size_so_no_entry_is_skipped()
    {
        // The guide's own example answers "page=3&size=10" with a next link of "size=1&page=4".
        var stub = new MerchantApiStub();
        stub.Then(_ => Page("""[{"uuid":"s1"},{"uuid":"s2"}]""", total: 3, next: "?size=1&page=2"));
        stub.Then(_ => Page("""[{"uuid":"s3"}]""", total: 3, next: null));
        using var client = TestClients.Client(stub, TestClients.Options(o => o.PageSize = 2));

        var stores = await ToListAsync(client.GetStoresAsync());

        Assert.Equal(["s1", "s2", "s3"], stores.Select(s => s.Uuid));
        Assert.Equal(["?page=1&size=2", "?size=2&page=2"], stub.Requests.Select(r => r.Uri.Query));
    }

    [Fact]
    public async Task A_list_that_never_ends_is_a_transport_error_after_the_page_limit()
    {
        var stub = new MerchantApiStub();
        for (var i = 1; i <= CmComClient.MaxPages + 1; i++)
        {
            var page = i;
            stub.Then(_ => Page("""[{"uuid":"again"}]""", total: null, next: $"?page={page + 1}&size=1"));
        }

        using var client = TestClients.Client(stub);

        var error = await Assert.ThrowsAsync<CmComTransportException>(() => ToListAsync(client.GetStoresAsync()));

        Assert.False(error.OutcomeUnknown);
        Assert.Contains("1000 pages", error.Message, StringComparison.Ordinal);
        Assert.Equal(CmComClient.MaxPages, stub.Requests.Count);
    }

    [Fact]
    public async Task An_empty_page_ends_the_list()
    {
        var stub = new MerchantApiStub()
            .Then(_ => Page("""[{"uuid":"s1"}]""", total: 5, next: "?page=2&size=1"))
            .Then(_ => Page("[]", total: 5, next: "?page=3&size=1"));
        using var client = TestClients.Client(stub);

        Assert.Single(await ToListAsync(client.GetStoresAsync()));
        Assert.Equal(2, stub.Requests.Count);
    }

    private static HttpResponseMessage Page(string json, int? total, string? next)
    {
        var page = MerchantApiStub.Answer(HttpStatusCode.OK, json);
        if (total is { } count)
        {
            page.Headers.TryAddWithoutValidation("X-Total-Count", count.ToString(CultureInfo.InvariantCulture));
        }

        page.Headers.TryAddWithoutValidation("Link", next is null ? string.Empty : $"<{next}>; rel=\"next\"");
        return page;
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
