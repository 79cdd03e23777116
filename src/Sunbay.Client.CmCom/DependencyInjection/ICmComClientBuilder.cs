using Microsoft.Extensions.DependencyInjection;

namespace Sunbay.Client.CmCom;

/// <summary>Returned by <c>AddCmComClient</c> to configure a registered client further.</summary>
public interface ICmComClientBuilder
{
    /// <summary>The client's name (<see cref="string.Empty"/> for the default client).</summary>
    string Name { get; }

    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// The underlying HTTP client registration, e.g. to set a proxy with <c>ConfigurePrimaryHttpMessageHandler</c> (or a
    /// fake CM.com host's in-memory handler). Do not add a retry or resilience handler: the SDK already retries GETs and
    /// must never retry a payment. A resilience handler added here makes the client's first resolution throw
    /// <see cref="InvalidOperationException"/>; one inherited from <c>ConfigureHttpClientDefaults</c> is removed from the
    /// CM.com client (with a warning). A primary handler set here never follows redirects: the SDK turns that off.
    /// </summary>
    IHttpClientBuilder HttpClient { get; }
}
