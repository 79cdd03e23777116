using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Configuration;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("ApiKey", "Sunbay:ApiKey is required")]
    [InlineData("AppId", "Sunbay:AppId is required")]
    [InlineData("MerchantId", "Sunbay:MerchantId is required")]
    public async Task A_missing_setting_fails_start_up_naming_it(string setting, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sunbay:ApiKey"] = "sk_test_x",
            ["Sunbay:AppId"] = "app",
            ["Sunbay:MerchantId"] = "M1",
        };
        settings.Remove($"Sunbay:{setting}");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSunbayClient(builder.Configuration.GetSection("Sunbay"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://open.sunbay.us/", false)]
    [InlineData("http://127.0.0.1:5000/", true)]
    [InlineData("http://localhost:5000/", true)]
    [InlineData("https://open.sunbay-uat.us/", true)]
    public void Plain_http_is_allowed_only_to_loopback(string address, bool valid)
    {
        var options = TestClients.Options(o => o.BaseAddress = new Uri(address));

        var failures = SunbayClientOptionsValidator.Collect(options);

        Assert.Equal(valid, failures.Count == 0);
        if (!valid)
        {
            Assert.Contains("Sunbay:BaseAddress must use https", failures[0], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(SunbayEnvironment.Production, "https://open.sunbay.us/")]
    [InlineData(SunbayEnvironment.Sandbox, "https://open.sunbay-uat.us/")]
    public void The_environment_picks_the_address(SunbayEnvironment environment, string expected)
    {
        Assert.Equal(new Uri(expected), new SunbayClientOptions { Environment = environment }.ResolveBaseAddress());
    }

    [Fact]
    public void Plain_construction_rejects_invalid_options_with_every_problem()
    {
        var error = Assert.Throws<ArgumentException>(() => new SunbayClient(new SunbayClientOptions()));

        Assert.Contains("Sunbay:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sunbay:AppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_never_show_the_api_key()
    {
        var options = TestClients.Options();

        Assert.DoesNotContain(TestClients.ApiKey, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", options.ToString(), StringComparison.Ordinal);
    }
}
