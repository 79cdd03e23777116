using Polly;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Tests.Reliability;

/// <summary>A second resilience handler on the Sunbay HttpClient would retry payments: refused, or dropped when inherited.</summary>
public sealed class ResilienceGuardTests
{
    [Fact]
    public async Task A_resilience_handler_added_to_the_sunbay_client_fails_at_first_resolution_with_a_clear_message()
    {
        await using var host = FakeSunbayHost.Start();
        var services = new ServiceCollection();
        services.AddSunbayClient(host.ConfigureClient).HttpClient.AddStandardResilienceHandler();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ISunbayClient>());

        Assert.Contains("another resilience handler", error.Message, StringComparison.Ordinal);
        Assert.Contains("charge a card twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddStandardResilienceHandler", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Journal);
    }

    [Fact]
    public async Task A_named_client_with_an_extra_resilience_handler_fails_and_names_the_client()
    {
        await using var host = FakeSunbayHost.Start();
        var services = new ServiceCollection();
        services.AddSunbayClient("store-7", host.ConfigureClient).HttpClient.AddResilienceHandler("mine", b => b.AddTimeout(TimeSpan.FromSeconds(5)));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ISunbayClientFactory>().CreateClient("store-7"));

        Assert.Contains("'store-7'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_standard_handler_inherited_from_the_http_client_defaults_is_dropped_so_a_lost_sale_is_sent_once()
    {
        await using var host = FakeSunbayHost.Start();
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.Zero));
        services.AddSunbayClient(host.ConfigureClient);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ISunbayClient>();
        host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.DropBeforeRecording, 5);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartSaleAsync(
            new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-G", Description = "Guard" }));

        Assert.True(error.OutcomeUnknown);
        Assert.Single(host.Journal, r => r.Endpoint == FakeEndpoint.Sale);
    }
}
