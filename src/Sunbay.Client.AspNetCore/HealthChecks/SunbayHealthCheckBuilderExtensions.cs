using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sunbay.Client;
using Sunbay.Client.AspNetCore.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Sunbay health check.</summary>
public static class SunbayHealthCheckBuilderExtensions
{
    /// <summary>
    /// Adds a check that SUNBAY is reachable and accepts the credentials of a registered client (one merchant query per
    /// run: schedule health checks no more often than every few seconds).
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="clientName">The client registered with <c>AddSunbayClient</c>; empty for the default client.</param>
    /// <param name="name">The check's name; default <c>sunbay</c> (<c>sunbay:{clientName}</c> for a named client).</param>
    /// <param name="failureStatus">Reported when credentials are rejected; default <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags of the check.</param>
    public static IHealthChecksBuilder AddSunbay(this IHealthChecksBuilder builder, string clientName = "", string? name = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(clientName);
        return builder.Add(new HealthCheckRegistration(
            name ?? (clientName.Length == 0 ? "sunbay" : $"sunbay:{clientName}"),
            sp => new SunbayHealthCheck(sp.GetRequiredService<ISunbayClientFactory>(), clientName),
            failureStatus,
            tags));
    }
}
