using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Http;

/// <summary>
/// An API key read per request (rotation) that cannot be written into the <c>Authorization</c> header: the request fails
/// before it leaves the process, with an outcome that is known, and the key never appears in the error.
/// </summary>
public sealed class ApiKeyHeaderSafetyTests
{
    private const string BadKey = "sk_test_clé_4f8e2a91";

    [Theory]
    [InlineData(BadKey)]
    [InlineData("sk_test_4f8e2a91\n")]
    [InlineData("sk_test_4f8e 2a91")]
    [InlineData("")]
    public async Task A_rotated_key_that_cannot_be_sent_fails_a_push_before_sending_with_a_known_outcome(string key)
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Dispatch("r")));
        var options = TestClients.Options();
        using var client = new SunbayClient(options, stub, TestClients.Clock());
        options.ApiKey = key;

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartSaleAsync(TestClients.Sale(transactionRequestId: "KEY-1")));

        Assert.False(error.OutcomeUnknown);
        Assert.Equal("sale", error.Operation);
        Assert.Contains("was not sent", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sunbay:ApiKey", error.Message, StringComparison.Ordinal);
        if (key.Length > 0)
        {
            Assert.DoesNotContain(key.Trim(), error.ToString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("4f8e", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(stub.Calls);
    }

    [Fact]
    public async Task A_rotated_key_that_cannot_be_sent_fails_a_query_without_retries()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Query("q-1", "S")));
        var options = TestClients.Options();
        using var client = new SunbayClient(options, stub, TestClients.Clock());
        options.ApiKey = BadKey;

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("q-1")));

        Assert.False(error.OutcomeUnknown);
        Assert.DoesNotContain(BadKey, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(stub.Calls);
    }

    [Fact]
    public async Task A_key_fixed_after_a_bad_rotation_is_used_by_the_next_request()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Dispatch("r")));
        var options = TestClients.Options();
        using var client = new SunbayClient(options, stub, TestClients.Clock());
        options.ApiKey = BadKey;
        await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartSaleAsync(TestClients.Sale()));

        options.ApiKey = "sk_test_fixed";
        await client.StartSaleAsync(TestClients.Sale());

        Assert.Equal("Bearer sk_test_fixed", stub.Calls.Single().Headers["Authorization"]);
    }

    [Fact]
    public async Task A_bad_key_reloaded_from_configuration_fails_before_sending_naming_the_setting()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Dispatch("r")));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sunbay:ApiKey"] = "sk_test_old_key",
            ["Sunbay:AppId"] = "app",
            ["Sunbay:MerchantId"] = "M6",
            ["Sunbay:TerminalSn"] = "T1",
            ["Sunbay:BaseAddress"] = "http://127.0.0.1:5994/",
        }).Build();
        var services = new ServiceCollection();
        services.AddSunbayClient(configuration.GetSection("Sunbay")).HttpClient.ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ISunbayClient>();

        await client.StartSaleAsync(TestClients.Sale());
        configuration["Sunbay:ApiKey"] = BadKey;

        // The options monitor re-validates on reload (and its listeners may see the failure right here).
        _ = Record.Exception(configuration.Reload);
        var error = await Assert.ThrowsAsync<PaymentsConfigurationException>(() => client.StartSaleAsync(TestClients.Sale()));

        Assert.Contains("Sunbay:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BadKey, error.ToString(), StringComparison.Ordinal);
        Assert.Single(stub.Calls);
    }
}
