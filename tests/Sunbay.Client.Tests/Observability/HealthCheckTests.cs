using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Tests.Observability;

public sealed class HealthCheckTests
{
    [Fact]
    public async Task Healthy_with_valid_credentials_unhealthy_when_rejected_degraded_when_unreachable()
    {
        await using var host = FakeSunbayHost.Start();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSunbayClient(o =>
        {
            host.ConfigureClient(o);
            o.Retry.BaseDelay = TimeSpan.Zero;
        });
        services.AddHealthChecks().AddSunbay();
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();

        var healthy = await health.CheckHealthAsync();
        host.Faults.Enqueue(FakeEndpoint.MerchantQuery, FakeFault.ServiceUnavailableHtml, count: 10);
        var unreachable = await health.CheckHealthAsync();
        host.Faults.Clear();
        host.ApiKey = "sk_test_rotated_elsewhere";
        var rejected = await health.CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(HealthStatus.Degraded, unreachable.Status);
        Assert.Equal(HealthStatus.Unhealthy, rejected.Status);
        Assert.Contains(FakeSunbayCodes.Unauthorized, rejected.Entries["sunbay"].Description, StringComparison.Ordinal);
    }
}
