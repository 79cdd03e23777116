using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests.CmCom;

/// <summary>Pagination (guide: Pagination) of stores, terminals and a terminal's transactions, and a terminal's day totals.</summary>
public sealed class FakeCmComListTests : IAsyncDisposable
{
    private const string Base = "https://cmcom.fake.invalid/";
    private readonly CmComSession _fake = new();

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task The_guides_example_67_stores_page_3_of_10()
    {
        AddStores(66);

        var answer = await _fake.Cm.SendAsync(HttpMethod.Get, "stores?page=3&size=10");

        Assert.Equal(200, answer.Status);
        Assert.Equal("67", answer.Header("X-Total-Count"));
        Assert.Equal(
            $"""<{Base}stores?page=2&size=10>; rel="prev", <{Base}stores?page=4&size=10>; rel="next", <{Base}stores?page=1&size=10>; rel="first", <{Base}stores?page=7&size=10>; rel="last" """.TrimEnd(),
            answer.Header("Link"));
        Assert.Equal(10, answer.Json.GetArrayLength());
        Assert.Equal("Store 20", answer.Json[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Page_2_of_size_25_holds_entries_26_to_50()
    {
        AddStores(66);

        var answer = await _fake.Cm.SendAsync(HttpMethod.Get, "stores?page=2&size=25");

        Assert.Equal(25, answer.Json.GetArrayLength());
        Assert.Equal("Store 25", answer.Json[0].GetProperty("name").GetString());
        Assert.Equal("Store 49", answer.Json[24].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_first_page_has_no_prev_the_last_no_next_and_past_the_end_is_empty()
    {
        AddStores(66);

        var first = await _fake.Cm.SendAsync(HttpMethod.Get, "stores");
        var last = await _fake.Cm.SendAsync(HttpMethod.Get, "stores?page=7");
        var beyond = await _fake.Cm.SendAsync(HttpMethod.Get, "stores?page=9");

        Assert.Equal(10, first.Json.GetArrayLength());
        Assert.DoesNotContain("rel=\"prev\"", first.Header("Link"), StringComparison.Ordinal);
        Assert.Contains($"<{Base}stores?page=2&size=10>; rel=\"next\"", first.Header("Link"), StringComparison.Ordinal);
        Assert.Equal(7, last.Json.GetArrayLength());
        Assert.DoesNotContain("rel=\"next\"", last.Header("Link"), StringComparison.Ordinal);
        Assert.Equal(0, beyond.Json.GetArrayLength());
        Assert.Equal("67", beyond.Header("X-Total-Count"));
    }

    [Theory]
    [InlineData("stores", false)]
    [InlineData("stores?size=2", false)]
    [InlineData("stores?size=1", true)] // the guide: empty only "If the page size is larger than the total number of entries"
    public async Task Link_is_empty_only_when_the_page_size_is_larger_than_the_total(string pathAndQuery, bool links)
    {
        var answer = await _fake.Cm.SendAsync(HttpMethod.Get, pathAndQuery);

        Assert.Equal("1", answer.Header("X-Total-Count"));
        Assert.Equal(links, answer.Header("Link")!.Contains("rel=\"first\"", StringComparison.Ordinal));
        Assert.Equal(links, answer.Header("Link")!.Length > 0);
    }

    [Theory]
    [InlineData("size=0", "size must be at least 1 and at most 100 (was 0)")]
    [InlineData("size=101", "size must be at least 1 and at most 100 (was 101)")]
    [InlineData("page=0", "page must be at least 1")]
    [InlineData("page=two", "page and size must be whole numbers")]
    public async Task Page_and_size_outside_their_bounds_are_400(string query, string detail)
    {
        var answer = await _fake.Cm.SendAsync(HttpMethod.Get, "terminals?" + query);

        Assert.Contains(detail, answer.Problem(400, "Bad Request", "/terminals"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminals_are_listed_with_their_parts_and_store()
    {
        var store = _fake.Host.AddStore("Second store");
        _fake.Host.AddTerminal("SUNMI-P2-PRO-PL0919CQ00305", store);

        var answer = await _fake.Cm.SendAsync(HttpMethod.Get, "terminals?size=100");

        Assert.Equal("2", answer.Header("X-Total-Count"));
        var second = answer.Json[1];
        Assert.Equal("SUNMI-P2-PRO-PL0919CQ00305", second.GetProperty("id").GetString());
        Assert.Equal(("SUNMI", "P2-PRO", "PL0919CQ00305"), (second.GetProperty("manufacturer").GetString(), second.GetProperty("model").GetString(), second.GetProperty("serial").GetString()));
        Assert.Equal(store.Uuid, second.GetProperty("store").GetProperty("uuid").GetString());
        Assert.Throws<ArgumentException>(() => _fake.Host.AddTerminal("SUNMI-P2lite"));
    }

    [Fact]
    public async Task A_lost_transaction_is_found_by_its_order_reference_in_the_terminals_list_newest_first()
    {
        for (var i = 0; i < 12; i++)
        {
            await _fake.Cm.StartAsync(CmComCaller.Purchase(1m + i, $"order-{i}"));
        }

        var page1 = await _fake.Cm.SendAsync(HttpMethod.Get, $"terminals/{CmComCaller.Terminal}/transactions?size=5");
        var page3 = await _fake.Cm.SendAsync(HttpMethod.Get, $"terminals/{CmComCaller.Terminal}/transactions?size=5&page=3");

        Assert.Equal("12", page1.Header("X-Total-Count"));
        Assert.Equal("order-11", page1.Json[0].GetProperty("merchant_order_reference").GetString());
        Assert.Equal(["order-1", "order-0"], page3.Json.EnumerateArray().Select(t => t.GetProperty("merchant_order_reference").GetString()));
        Assert.Equal("CANCELLED", page3.Json[1].GetProperty("status").GetString());
        Assert.Equal(404, (await _fake.Cm.SendAsync(HttpMethod.Get, "terminals/SUNMI-X-Y/transactions")).Status);
    }

    [Fact]
    public async Task Day_totals_are_a_formatted_receipt_of_todays_approved_transactions()
    {
        var purchase = (await _fake.Cm.StartAsync(CmComCaller.Purchase(98.75m, "order-1")))["id"]!;
        _fake.Clock.Advance(TimeSpan.FromSeconds(6));
        await _fake.Cm.StartAsync(CmComCaller.Purchase(1.25m, "order-2"));
        _fake.Clock.Advance(TimeSpan.FromSeconds(6));
        await _fake.Cm.StartAsync(CmComCaller.Refund(10m, purchase, "order-1-r"));
        _fake.Clock.Advance(TimeSpan.FromSeconds(6));
        _fake.Host.Terminal(CmComCaller.Terminal).DeclineNext("05", "Do not honour");
        await _fake.Cm.StartAsync(CmComCaller.Purchase(5m, "order-3"));
        _fake.Clock.Advance(TimeSpan.FromSeconds(6));

        var answer = await _fake.Cm.SendAsync(HttpMethod.Get, $"terminals/{CmComCaller.Terminal}/daytotals/today");

        Assert.Equal(200, answer.Status);
        var receipt = answer["receipt"]!;
        Assert.Contains("DAY TOTALS", receipt, StringComparison.Ordinal);
        Assert.Contains("2026-01-01", receipt, StringComparison.Ordinal);
        Assert.Matches(@"PURCHASE x2\s+100\.00 EUR", receipt);
        Assert.Matches(@"REFUND x1\s+10\.00 EUR", receipt);
        _fake.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Contains("NO TRANSACTIONS", (await _fake.Cm.SendAsync(HttpMethod.Get, $"terminals/{CmComCaller.Terminal}/daytotals/today"))["receipt"], StringComparison.Ordinal);
    }

    private void AddStores(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            _fake.Host.AddStore($"Store {i}");
        }
    }
}
