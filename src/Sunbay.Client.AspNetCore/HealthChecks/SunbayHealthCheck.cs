using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sunbay.Client;

namespace Sunbay.Client.AspNetCore.HealthChecks;

/// <summary>
/// Confirms that SUNBAY is reachable and accepts the client's credentials, with one cheap GET (the merchant query).
/// Unhealthy when the key, app or merchant is rejected; degraded when SUNBAY cannot be reached (the problem may be
/// SUNBAY's or the network's, not this instance's).
/// </summary>
internal sealed class SunbayHealthCheck(ISunbayClientFactory clients, string clientName) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var merchant = await clients.CreateClient(clientName).GetMerchantAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(
                $"SUNBAY accepted the credentials of merchant {merchant.MerchantId} in {clock.ElapsedMilliseconds} ms.",
                new Dictionary<string, object> { ["latencyMs"] = clock.ElapsedMilliseconds, ["merchantActive"] = merchant.IsActive });
        }
        catch (SunbayApiException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"SUNBAY rejected the credentials or IDs: code {ex.Code} (traceId {ex.TraceId}).");
        }
        catch (SunbayTransportException ex)
        {
            return HealthCheckResult.Degraded($"SUNBAY could not be reached: {ex.Message}");
        }
    }
}
