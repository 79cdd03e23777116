using Microsoft.Extensions.DependencyInjection;

namespace Sunbay.Client;

/// <summary>Returned by <c>AddSunbayClient</c> to configure a registered client further.</summary>
public interface ISunbayClientBuilder
{
    /// <summary>The client's name (<see cref="string.Empty"/> for the default client).</summary>
    string Name { get; }

    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// The underlying HTTP client registration, e.g. to set a proxy with <c>ConfigurePrimaryHttpMessageHandler</c>.
    /// Do not add a retry or resilience handler: the SDK already retries safe requests and must never retry a payment.
    /// A resilience handler added here makes the client's first resolution throw <see cref="InvalidOperationException"/>;
    /// one inherited from <c>ConfigureHttpClientDefaults</c> is removed from the Sunbay client (with a warning). A primary
    /// handler set here never follows redirects either: the SDK sets its <c>AllowAutoRedirect</c> to <see langword="false"/>.
    /// </summary>
    IHttpClientBuilder HttpClient { get; }
}
