using System.Text.Json.Nodes;
using Sunbay.Client.CmCom.Tests.Reliability;

namespace Sunbay.Client.CmCom.Tests.Guide;

/// <summary>Issue 20, points 1 to 5: the fake CM.com host (and the client on it) as CM.com's guide words it.</summary>
public sealed class FakeGuideTests : FakeHostTest
{
    [Fact]
    public async Task The_key_overview_is_paged_with_the_listing_headers()
    {
        for (var i = 0; i < 4; i++)
        {
            Host.AddApiKey($"extra {i}");
        }

        using var http = Host.CreateHttpClient();

        using var answer = await http.GetAsync(new Uri("apikeys?page=2&size=2", UriKind.Relative));
        var page = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(["extra 1", "extra 2"], page.Select(k => (string?)k!["label"]));
        Assert.Equal("5", answer.Headers.GetValues("X-Total-Count").Single());
        Assert.Contains("rel=\"next\"", answer.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        Assert.Equal(5, (await Client.ListApiKeysAsync()).Count);
    }

    [Fact]
    public async Task The_key_overview_shows_the_valid_keys_only()
    {
        var now = Clock.GetUtcNow();
        Host.AddApiKey("expired", validUntil: now.AddDays(-1));
        var later = Host.AddApiKey("2nd half", validFrom: now.AddDays(30), validUntil: now.AddDays(200));
        var revoked = Host.AddApiKey("revoked");
        await Client.RevokeApiKeyAsync(revoked.Id);

        var keys = await Client.ListApiKeysAsync();

        Assert.Equal(["Initial key", "2nd half"], keys.Select(k => k.Label));
        Assert.Equal(later.ValidFrom, keys[1].ValidFrom);
    }

    [Theory]
    [InlineData(1, true)] // size equal to the total (1 store): the links are there
    [InlineData(2, false)] // "If the page size is larger than the total number of entries, then this header will be empty."
    public async Task The_link_header_is_empty_only_when_the_page_size_is_larger_than_the_total(int size, bool links)
    {
        using var http = Host.CreateHttpClient();

        using var answer = await http.GetAsync(new Uri($"stores?page=1&size={size}", UriKind.Relative));
        var link = answer.Headers.GetValues("Link").Single();

        Assert.Equal(links, link.Length > 0);
        if (links)
        {
            Assert.Contains("rel=\"first\"", link, StringComparison.Ordinal);
            Assert.Contains("rel=\"last\"", link, StringComparison.Ordinal);
            Assert.DoesNotContain("rel=\"next\"", link, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Transaction_ids_have_the_guides_shape_and_the_client_keeps_them_as_text()
    {
        var operation = await Client.StartPurchaseAsync(new CmComPurchaseRequest { MerchantOrderReference = "inv2112280004", Amount = 98.75m, Currency = "EUR" });

        var final = await Host.RunUntilAsync(operation.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));
        var listed = await ListingGuideTests.ToListAsync(Client.GetTransactionsAsync());

        Assert.Matches("^[1-9][0-9]{30}$", operation.Id);
        Assert.Equal(operation.Id, final.Id);
        Assert.Equal(operation.Id, Assert.Single(listed).Id);
        Assert.NotNull(Host.FindTransaction(operation.Id));
    }

    [Fact]
    public async Task A_terminal_written_p2lite_or_p2Lite_is_the_same_terminal()
    {
        var upper = Terminal.Replace("P2lite", "P2Lite", StringComparison.Ordinal);
        var operation = await Client.StartPurchaseAsync(new CmComPurchaseRequest { MerchantOrderReference = "inv-case", Amount = 1m, Currency = "EUR", TerminalId = upper });

        var read = await Client.GetTransactionAsync(operation.Id, Terminal);
        var listed = await ListingGuideTests.ToListAsync(Client.GetTransactionsAsync(upper));
        var final = await Host.RunUntilAsync(Client.GetOperation(operation.Id, Terminal).WaitForCompletionAsync(), TimeSpan.FromMinutes(5));

        Assert.Single(Host.Terminals);
        Assert.Equal(upper, operation.TerminalId);
        Assert.Equal(operation.Id, read.Id);
        Assert.Equal(operation.Id, Assert.Single(listed).Id);
        Assert.True(final.IsApproved);
        Assert.Same(Host.Terminal(Terminal), Host.Terminal(upper));
    }
}
