using Microsoft.Extensions.Http;
using Sunbay.Client.Http;

namespace Sunbay.Client.DependencyInjection;

/// <summary>
/// Turns off <c>AllowAutoRedirect</c> on the primary handler of every client whose name starts with the given prefix
/// (every Sunbay client, or every CM.com client) built by <see cref="IHttpClientFactory"/>,
/// after every other configuration ran: also on a handler the application set with <c>ConfigurePrimaryHttpMessageHandler</c>
/// (an <see cref="HttpClientHandler"/> follows redirects by default) or inherited from <c>ConfigureHttpClientDefaults</c>.
/// A filter wraps all of a client's configuration actions, so unlike one more action it also runs after those
/// registered after <c>AddSunbayClient</c>, and again for each new handler when the factory rotates them.
/// Provider-neutral: every provider package builds on it.
/// </summary>
internal sealed class PrimaryHandlerFilter(string httpClientNamePrefix) : IHttpMessageHandlerBuilderFilter
{
    public string HttpClientNamePrefix => httpClientNamePrefix;

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name is { } name && name.StartsWith(httpClientNamePrefix, StringComparison.Ordinal)
            && !PipelineHttp.TryStopRedirects(builder.PrimaryHandler))
        {
            throw new InvalidOperationException(PipelineHttp.CannotStopRedirects($"The primary handler of HttpClient '{name}'"));
        }
    };
}
