using Microsoft.Extensions.Http;
using Sunbay.Client.Http;

namespace Sunbay.Client.DependencyInjection;

/// <summary>
/// Turns off <c>AllowAutoRedirect</c> on the primary handler of every Sunbay client built by <see cref="IHttpClientFactory"/>,
/// after every other configuration ran: also on a handler the application set with <c>ConfigurePrimaryHttpMessageHandler</c>
/// (an <see cref="HttpClientHandler"/> follows redirects by default) or inherited from <c>ConfigureHttpClientDefaults</c>.
/// A filter wraps all of a client's configuration actions, so unlike one more action it also runs after those
/// registered after <c>AddSunbayClient</c>, and again for each new handler when the factory rotates them.
/// </summary>
internal sealed class SunbayPrimaryHandlerFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name is { } name && name.StartsWith(SunbayClientFactory.HttpClientNamePrefix, StringComparison.Ordinal)
            && !SunbayHttp.TryStopRedirects(builder.PrimaryHandler))
        {
            throw new InvalidOperationException(SunbayHttp.CannotStopRedirects($"The primary handler of HttpClient '{name}'"));
        }
    };
}
