using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.Testing;

namespace Sunbay.Client.AspNetCore.Tests.Testing;

/// <summary>
/// The README's "Testing your app" recipe, run for real: an ASP.NET Core app (tests/Sunbay.Client.TestApp) whose
/// /checkout starts a sale and waits, under WebApplicationFactory, with the fake host in memory on a virtual clock.
/// </summary>
public sealed class CheckoutAppTests
{
    [Fact]
    public async Task Checkout_is_paid()
    {
        await using var host = FakeSunbayHost.CreateInMemory(new FakeSunbayHostOptions { TimeProvider = new FakeClock() });
        await using var app = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddFakeSunbay(host)));
        using var http = app.CreateClient();

        var response = await host.RunUntilAsync(http.PostAsync("/checkout?order=ORDER-1&amount=1000", null), TimeSpan.FromMinutes(5));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Success", result.RootElement.GetProperty("status").GetString());
        Assert.Equal("000", result.RootElement.GetProperty("resultCode").GetString());
        var sale = Assert.Single(host.Transactions);
        Assert.Equal(result.RootElement.GetProperty("transactionId").GetString(), sale.TransactionId);
        Assert.Equal("ORDER-1", sale.ReferenceOrderId);
    }

    [Fact]
    public async Task Checkout_of_a_sandbox_decline_amount_is_declined()
    {
        await using var host = FakeSunbayHost.CreateInMemory(new FakeSunbayHostOptions { TimeProvider = new FakeClock() });
        await using var app = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddFakeSunbay(host)));
        using var http = app.CreateClient();

        var response = await host.RunUntilAsync(http.PostAsync($"/checkout?order=ORDER-2&amount={FakeSandboxAmounts.InsufficientFunds}", null), TimeSpan.FromMinutes(5));

        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Fail", result.RootElement.GetProperty("status").GetString());
        Assert.Equal("051", result.RootElement.GetProperty("resultCode").GetString());
    }
}
