using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Configuration;

public sealed class DefaultExpiryValidationTests
{
    [Fact]
    public void The_default_expiry_suits_a_checkout()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), new SunbayClientOptions().DefaultExpiry);
    }

    [Theory]
    [InlineData("00:02:59", false)]
    [InlineData("00:03:00", true)]
    [InlineData("01:00:00", true)]
    [InlineData("1.00:00:00", true)]
    [InlineData("1.00:00:01", false)]
    public void The_default_expiry_must_be_within_sunbay_s_window(string value, bool valid)
    {
        var options = TestClients.Options(o => o.DefaultExpiry = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        var failures = SunbayClientOptionsValidator.Collect(options);

        Assert.Equal(valid, failures.Count == 0);
        if (!valid)
        {
            Assert.Contains("Sunbay:DefaultExpiry must be 3 minutes to 1 day", Assert.Single(failures), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_default_expiry_outside_the_window_fails_start_up()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sunbay:ApiKey"] = "sk_test_x",
            ["Sunbay:AppId"] = "app",
            ["Sunbay:MerchantId"] = "M1",
            ["Sunbay:DefaultExpiry"] = "00:01:00",
        });
        builder.Services.AddSunbayClient(builder.Configuration.GetSection("Sunbay"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Sunbay:DefaultExpiry", error.Message, StringComparison.Ordinal);
    }
}
