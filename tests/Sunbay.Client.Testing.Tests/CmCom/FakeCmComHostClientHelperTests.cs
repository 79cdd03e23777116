using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sunbay.Client.CmCom;
using Sunbay.Client.Payments;

namespace Sunbay.Client.Testing.Tests.CmCom;

/// <summary>
/// The CM.com fake's client helpers read as the SUNBAY fake's: <see cref="FakeCmComHost.CreateClient"/>,
/// <see cref="FakeCmComHost.ConfigureClient"/> and <c>AddFakeCmCom</c>, which changes the address, key, terminal, HTTP
/// handler and clock, and nothing else.
/// </summary>
public sealed class FakeCmComHostClientHelperTests
{
    [Fact]
    public async Task CreateClient_gives_a_client_of_the_in_memory_host_on_its_clock()
    {
        await using var host = FakeCmComHost.CreateInMemory(new FakeCmComHostOptions { TimeProvider = new FakeClock() });
        using var client = host.CreateClient(o => o.Polling.InitialInterval = TimeSpan.FromSeconds(1));

        var purchase = await client.StartPurchaseAsync(new CmComPurchaseRequest { MerchantOrderReference = "HELPER-0001", Amount = 12.5m, Currency = "EUR" });
        var paid = await host.RunUntilAsync(purchase.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));

        Assert.True(paid.IsApproved);
        Assert.Equal(host.Terminals[0].Id, paid.TerminalId);
        Assert.Single(host.Journal, r => r.Endpoint == FakeEndpoint.StartTransaction);
    }

    [Fact]
    public async Task AddFakeCmCom_points_the_application_s_client_at_the_host_and_swaps_only_the_clock()
    {
        var clock = new FakeClock();
        await using var host = FakeCmComHost.CreateInMemory(new FakeCmComHostOptions { TimeProvider = clock });
        var services = new ServiceCollection();
        services.AddCmComClient(o =>
        {
            o.BaseAddress = new Uri("https://merchantapi.cm.example/");
            o.ApiKey = "the-application-s-key";
            o.Terminal = "SUNMI-P2lite-PRODUCTION01";
            o.Retry.BaseDelay = TimeSpan.FromSeconds(3);
        });
        services.AddCardPayments(o => o.Provider = "cm");

        services.AddFakeCmCom(host);
        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<CmComClientOptions>>().CurrentValue;
        var payments = provider.GetRequiredService<ICardPayments>();
        var payment = await payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(7m, "EUR"), MerchantReference = "HELPER-0002" });
        var paid = await host.RunUntilAsync(payment.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));

        Assert.Equal(host.BaseAddress, options.BaseAddress);
        Assert.Equal(host.ApiKey, options.ApiKey);
        Assert.Equal(host.Terminals[0].Id, options.Terminal);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Retry.BaseDelay); // the application's, untouched
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.True(paid.IsApproved);
        Assert.Single(host.Journal, r => r.Endpoint == FakeEndpoint.StartTransaction);
    }
}
