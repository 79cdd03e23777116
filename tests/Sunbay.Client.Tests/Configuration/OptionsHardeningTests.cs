using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Configuration;

/// <summary>
/// Settings that passed start-up but broke every request (an API key that cannot go into a header) or pointed SUNBAY at
/// a URL it must not use (a path, which Linux reads as a file URI): each fails start-up naming the setting.
/// </summary>
public sealed class OptionsHardeningTests
{
    [Theory]
    [InlineData("sk_test_clé")]
    [InlineData("sk_test_\u00a0abc")]
    [InlineData("sk_test_“abc”")]
    [InlineData("sk_test abc")]
    [InlineData("sk_test_abc\n")]
    [InlineData("sk_test_\u0001abc")]
    public async Task An_api_key_that_cannot_go_into_a_header_fails_start_up_without_showing_it(string key)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(("Sunbay:ApiKey", key)));

        Assert.Contains("Sunbay:ApiKey must hold only printable ASCII", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Trim(), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/webhooks/sunbay", "absolute http or https URL")]
    [InlineData("javascript:alert(1)", "absolute http or https URL")]
    [InlineData("file:///srv/hooks", "absolute http or https URL")]
    [InlineData("http://shop.example/webhooks/sunbay", "must use https")]
    [InlineData("https://shop.example/web hooks", "white space")]
    public async Task A_notify_url_that_is_not_absolute_https_fails_start_up(string url, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(("Sunbay:NotifyUrl", url)));

        Assert.Contains("Sunbay:NotifyUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notify_url_of_201_characters_is_refused_and_200_allowed()
    {
        var url = "https://shop.example/" + new string('n', 179);

        Assert.Empty(SunbayClientOptionsValidator.Collect(TestClients.Options(o => o.NotifyUrl = url)));
        Assert.Contains(SunbayClientOptionsValidator.Collect(TestClients.Options(o => o.NotifyUrl = url + "n")), f => f.Contains("Sunbay:NotifyUrl must be at most 200", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://shop.example/webhooks/sunbay")]
    [InlineData("http://localhost:5000/webhooks/sunbay")]
    [InlineData("http://127.0.0.1:5000/webhooks/sunbay")]
    public async Task An_https_notify_url_or_plain_http_to_loopback_starts(string url)
    {
        await StartAsync(("Sunbay:NotifyUrl", url));
    }

    [Theory]
    [InlineData("/api")]
    [InlineData("file:///srv/sunbay")]
    [InlineData("ftp://open.sunbay.us/")]
    public async Task A_base_address_that_is_not_http_or_https_fails_start_up(string address)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(("Sunbay:BaseAddress", address)));

        Assert.Contains("Sunbay:BaseAddress must be an absolute http or https URL", error.Message, StringComparison.Ordinal);
    }

    private static async Task StartAsync(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sunbay:ApiKey"] = "sk_test_x",
            ["Sunbay:AppId"] = "app",
            ["Sunbay:MerchantId"] = "M1",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSunbayClient(builder.Configuration.GetSection("Sunbay"));
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }
}
