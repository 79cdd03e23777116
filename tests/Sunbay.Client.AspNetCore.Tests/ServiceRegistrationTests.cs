using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.AspNetCore.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public void Options_bind_from_environment_variables_of_the_Sunbay_Webhooks_section()
    {
        var prefix = "SBWH" + Guid.NewGuid().ToString("N")[..8] + "_";
        Environment.SetEnvironmentVariable(prefix + "Sunbay__Webhooks__Secrets__0", "whsec_new");
        Environment.SetEnvironmentVariable(prefix + "Sunbay__Webhooks__Secrets__1", "whsec_old");
        Environment.SetEnvironmentVariable(prefix + "Sunbay__Webhooks__Tolerance", "00:02:00");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            using var provider = new ServiceCollection().AddSunbayWebhooks(configuration.GetSection("Sunbay:Webhooks")).BuildServiceProvider();

            var options = provider.GetRequiredService<IOptions<SunbayWebhookOptions>>().Value;

            Assert.Equal(["whsec_new", "whsec_old"], options.Secrets);
            Assert.Equal(TimeSpan.FromMinutes(2), options.Tolerance);
            Assert.Equal(SunbayWebhookOptions.DefaultMaxBodyBytes, options.MaxBodyBytes);
            Assert.NotNull(provider.GetRequiredService<SunbayWebhookVerifier>());
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Sunbay__Webhooks__Secrets__0", null);
            Environment.SetEnvironmentVariable(prefix + "Sunbay__Webhooks__Secrets__1", null);
            Environment.SetEnvironmentVariable(prefix + "Sunbay__Webhooks__Tolerance", null);
        }
    }

    [Fact]
    public void Every_option_binds_from_configuration_and_the_secrets_reload_with_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sunbay:Webhooks:Secrets:0"] = "whsec_first",
            ["Sunbay:Webhooks:Tolerance"] = "00:01:30",
            ["Sunbay:Webhooks:MaxBodyBytes"] = "4096",
            ["Sunbay:Webhooks:DeduplicationWindow"] = "02:00:00",
            ["Sunbay:Webhooks:AcknowledgementTimeout"] = "00:00:02",
        }).Build();
        using var provider = new ServiceCollection().AddSunbayWebhooks(configuration.GetSection("Sunbay:Webhooks")).BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<SunbayWebhookOptions>>();

        var first = monitor.CurrentValue;
        configuration["Sunbay:Webhooks:Secrets:0"] = "whsec_rotated";
        configuration.Reload();

        Assert.Equal(["whsec_first"], first.Secrets);
        Assert.Equal(TimeSpan.FromSeconds(90), first.Tolerance);
        Assert.Equal(4096, first.MaxBodyBytes);
        Assert.Equal(TimeSpan.FromHours(2), first.DeduplicationWindow);
        Assert.Equal(TimeSpan.FromSeconds(2), first.AcknowledgementTimeout);
        Assert.Equal(["whsec_rotated"], monitor.CurrentValue.Secrets);
    }

    [Fact]
    public void Missing_secrets_fail_validation_with_a_message_that_says_where_to_set_them()
    {
        using var provider = new ServiceCollection().AddSunbayWebhooks(new ConfigurationBuilder().Build()).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SunbayWebhookOptions>>().Value);

        Assert.Contains("Sunbay__Webhooks__Secrets__0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Webhooks_and_the_client_share_one_notification_bus_in_either_order()
    {
        foreach (var webhooksFirst in new[] { true, false })
        {
            var services = new ServiceCollection().AddLogging();
            if (webhooksFirst)
            {
                services.AddSunbayWebhooks(o => o.Secrets.Add(TestData.Secret));
            }

            services.AddSunbayClient(o =>
            {
                o.ApiKey = "sk_test_x";
                o.AppId = "app";
                o.MerchantId = "mch";
            });
            if (!webhooksFirst)
            {
                services.AddSunbayWebhooks(o => o.Secrets.Add(TestData.Secret));
            }

            Assert.Single(services, d => d.ServiceType == typeof(ITransactionNotificationBus));
            using var provider = services.BuildServiceProvider();
            Assert.IsType<InProcessTransactionNotificationBus>(provider.GetRequiredService<ITransactionNotificationBus>());
            Assert.IsType<InMemoryWebhookDeduplicationStore>(provider.GetRequiredService<IWebhookDeduplicationStore>());
        }
    }
}
