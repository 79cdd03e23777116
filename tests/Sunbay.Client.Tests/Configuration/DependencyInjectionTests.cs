using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Configuration;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task Configuration_binds_the_default_client_like_environment_variables_would()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Query("req1", "S")));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sunbay:ApiKey"] = "sk_test_from_config",
            ["Sunbay:AppId"] = "app_cfg",
            ["Sunbay:MerchantId"] = "M2",
            ["Sunbay:BaseAddress"] = "http://127.0.0.1:5998/",
            ["Sunbay:Polling:InitialInterval"] = "00:00:02",
        }).Build();
        var services = new ServiceCollection();
        services.AddSunbayClient(configuration.GetSection("Sunbay")).HttpClient.ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ISunbayClient>();
        await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req1"));

        Assert.Same(client, provider.GetRequiredService<ISunbayClient>());
        Assert.Equal("Bearer sk_test_from_config", stub.Calls[0].Headers["Authorization"]);
        Assert.Equal(new Uri("http://127.0.0.1:5998/v1/transaction/query?appId=app_cfg&merchantId=M2&transactionRequestId=req1"), stub.Calls[0].Uri);
    }

    [Fact]
    public async Task Polling_settings_of_the_shared_base_bind_from_configuration_for_both_providers()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sunbay:Polling:InitialInterval"] = "00:00:03",
            ["Sunbay:Polling:Jitter"] = "0.05",
            ["Sunbay:Polling:ExpiryGracePeriod"] = "00:05:00",
            ["CmCom:Polling:MaxInterval"] = "00:00:20",
            ["CmCom:Polling:BackoffMultiplier"] = "2",
            ["CmCom:Polling:MaxWait"] = "00:10:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddOptions<SunbayClientOptions>().Bind(configuration.GetSection("Sunbay"));
        services.AddOptions<Sunbay.Client.CmCom.CmComClientOptions>().Bind(configuration.GetSection("CmCom"));
        await using var provider = services.BuildServiceProvider();

        var sunbay = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SunbayClientOptions>>().Value.Polling;
        var cm = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Sunbay.Client.CmCom.CmComClientOptions>>().Value.Polling;

        Assert.Equal(TimeSpan.FromSeconds(3), sunbay.InitialInterval);
        Assert.Equal(0.05, sunbay.Jitter);
        Assert.Equal(TimeSpan.FromMinutes(5), sunbay.ExpiryGracePeriod);
        Assert.Equal(TimeSpan.FromSeconds(10), sunbay.MaxInterval); // SUNBAY's default
        Assert.Equal(TimeSpan.FromSeconds(20), cm.MaxInterval);
        Assert.Equal(2, cm.BackoffMultiplier);
        Assert.Equal(TimeSpan.FromMinutes(10), cm.MaxWait);
        Assert.Equal(TimeSpan.FromSeconds(2), cm.InitialInterval); // CM.com's default
    }

    [Fact]
    public async Task Named_clients_use_their_own_credentials()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Query("req1", "S")));
        var services = new ServiceCollection();
        foreach (var store in new[] { "store-a", "store-b" })
        {
            services.AddSunbayClient(store, o =>
            {
                o.BaseAddress = new Uri("http://127.0.0.1:5997/");
                o.ApiKey = $"sk_test_{store}";
                o.AppId = $"app_{store}";
                o.MerchantId = "M3";
            }).HttpClient.ConfigurePrimaryHttpMessageHandler(() => stub);
        }

        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ISunbayClientFactory>();

        await factory.CreateClient("store-a").GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req1"));
        await factory.CreateClient("store-b").GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req1"));

        Assert.Equal("Bearer sk_test_store-a", stub.Calls[0].Headers["Authorization"]);
        Assert.Contains("appId=app_store-b", stub.Calls[1].Uri.Query, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => factory.CreateClient("store-c"));
    }

    [Fact]
    public async Task The_di_pipeline_never_retries_a_post()
    {
        var stub = new StubHandler().Always(_ => new HttpResponseMessage(HttpStatusCode.GatewayTimeout));
        var services = new ServiceCollection();
        services.AddSunbayClient(o =>
        {
            o.BaseAddress = new Uri("http://127.0.0.1:5996/");
            o.ApiKey = "sk_test_x";
            o.AppId = "app";
            o.MerchantId = "M4";
            o.TerminalSn = "T1";
            o.Retry.BaseDelay = TimeSpan.Zero;
        }).HttpClient.ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ISunbayClient>();

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartSaleAsync(TestClients.Sale()));
        await Assert.ThrowsAsync<SunbayTransportException>(() => client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("r")));

        Assert.True(error.OutcomeUnknown);
        Assert.Equal(1, stub.Calls.Count(c => c.Method == HttpMethod.Post));
        Assert.Equal(4, stub.Calls.Count(c => c.Method == HttpMethod.Get));
    }

    [Fact]
    public async Task A_custom_signer_replaces_bearer_authentication()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Query("req1", "S")));
        var services = new ServiceCollection();
        services.AddSingleton<ISunbayRequestSigner, HeaderSigner>();
        services.AddSunbayClient(o =>
        {
            o.BaseAddress = new Uri("http://127.0.0.1:5995/");
            o.ApiKey = "sk_test_x";
            o.AppId = "app";
            o.MerchantId = "M5";
        }).HttpClient.ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ISunbayClient>().GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req1"));

        Assert.False(stub.Calls[0].Headers.ContainsKey("Authorization"));
        Assert.Matches("^[0-9]{13}:[0-9a-f-]{36}$", stub.Calls[0].Headers["X-Test-Signature"]);
    }

    private sealed class HeaderSigner : ISunbayRequestSigner
    {
        public ValueTask SignAsync(HttpRequestMessage request, SunbayClientOptions options, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Test-Signature", $"{request.Headers.GetValues("X-Timestamp").Single()}:{request.Headers.GetValues("X-Client-Request-Id").Single()}");
            return ValueTask.CompletedTask;
        }
    }
}
