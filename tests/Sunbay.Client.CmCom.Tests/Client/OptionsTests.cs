using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sunbay.Client.CmCom.Tests.Support;

namespace Sunbay.Client.CmCom.Tests.Client;

/// <summary>Options are validated at start with messages naming the setting; DI mirrors AddSunbayClient.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void Missing_key_and_address_are_named_in_one_message()
    {
        var error = Assert.Throws<ArgumentException>(() => new CmComClient(new CmComClientOptions()));

        Assert.Contains("CmCom:ApiKey is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("CmCom:BaseAddress is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Terminal", "CmCom:Terminal")]
    [InlineData("PageSize", "CmCom:PageSize")]
    [InlineData("BaseAddress", "CmCom:BaseAddress must use https")]
    [InlineData("Polling", "CmCom:Polling:InitialInterval")]
    [InlineData("Timeouts", "CmCom:Timeouts")]
    [InlineData("Retry", "CmCom:Retry")]
    public void Each_bad_setting_is_named(string setting, string expected)
    {
        var options = TestClients.Options(o =>
        {
            switch (setting)
            {
                case "Terminal": o.Terminal = "SUNMI"; break;
                case "PageSize": o.PageSize = 101; break;
                case "BaseAddress": o.BaseAddress = new Uri("http://merchantapi.example/"); break;
                case "Polling": o.Polling.InitialInterval = TimeSpan.Zero; break;
                case "Timeouts": o.Timeouts.GetTotal = TimeSpan.FromSeconds(1); break;
                case "Retry": o.Retry.MaxGetRetries = 11; break;
            }
        });

        var error = Assert.Throws<ArgumentException>(() => new CmComClient(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_cannot_be_sent_is_refused_without_being_echoed()
    {
        var options = TestClients.Options(o => o.ApiKey = "secret-key-with-newline\n");

        var error = Assert.Throws<ArgumentException>(() => new CmComClient(options));

        Assert.Contains("CmCom:ApiKey must hold only printable ASCII", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_never_shows_the_key()
    {
        var text = TestClients.Options().ToString();

        Assert.DoesNotContain(TestClients.Key, text, StringComparison.Ordinal);
        Assert.Contains("ApiKey = ***", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_binds_every_setting_and_the_client_uses_them()
    {
        var stub = new MerchantApiStub();
        using var provider = Services(new Dictionary<string, string?>
        {
            ["CmCom:BaseAddress"] = MerchantApiStub.Host,
            ["CmCom:ApiKey"] = TestClients.Key,
            ["CmCom:Terminal"] = MerchantApiStub.Terminal,
            ["CmCom:PageSize"] = "25",
            ["CmCom:Timeouts:Post"] = "00:00:42",
            ["CmCom:Retry:MaxGetRetries"] = "1",
            ["CmCom:Polling:Jitter"] = "0",
        }, stub);

        var options = provider.GetRequiredService<IOptionsMonitor<CmComClientOptions>>().CurrentValue;
        var client = provider.GetRequiredService<ICmComClient>();
        await foreach (var _ in client.GetTransactionsAsync())
        {
        }

        Assert.Equal(TimeSpan.FromSeconds(42), options.Timeouts.Post);
        Assert.Equal(1, options.Retry.MaxGetRetries);
        Assert.Equal(0, options.Polling.Jitter);
        Assert.Contains("size=25", Assert.Single(stub.Requests).Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_configuration_fails_at_first_use_naming_the_setting()
    {
        using var provider = Services(new Dictionary<string, string?> { ["CmCom:BaseAddress"] = MerchantApiStub.Host }, new MerchantApiStub());

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ICmComClient>());

        Assert.Contains("CmCom:ApiKey is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_resilience_handler_on_the_http_client_is_refused()
    {
        var services = new ServiceCollection();
        services.AddCmComClient(o => TestClients.Options().CopyTo(o)).HttpClient.AddStandardResilienceHandler();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ICmComClient>());

        Assert.Contains("another resilience handler", error.Message, StringComparison.Ordinal);
        Assert.Contains("CmComClientOptions.Retry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_clients_are_resolved_by_name_and_an_unknown_name_is_refused()
    {
        var services = new ServiceCollection();
        services.AddCmComClient("north", o => TestClients.Options().CopyTo(o));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ICmComClientFactory>();

        Assert.Same(factory.CreateClient("north"), factory.CreateClient("north"));
        Assert.Contains("AddCmComClient(\"south\"", Assert.Throws<InvalidOperationException>(() => factory.CreateClient("south")).Message, StringComparison.Ordinal);
    }

    internal static ServiceProvider Services(Dictionary<string, string?> settings, MerchantApiStub stub)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCmComClient(configuration.GetSection("CmCom")).HttpClient.ConfigurePrimaryHttpMessageHandler(() => stub);
        return services.BuildServiceProvider();
    }
}
