namespace Sunbay.Client.Http;

/// <summary>
/// The handler next to the primary handler: a redirect is never followed, for any method. Any 3xx answer fails the
/// attempt with a <see cref="SunbayRedirectException"/> (which the retry strategy does not retry), and a request that
/// the primary handler sent somewhere else on its own (an application's handler that still follows redirects, see
/// <see cref="SunbayHttp.TryStopRedirects"/>) is reported the same way rather than taken as SUNBAY's answer.
/// </summary>
/// <remarks>
/// Why never: a POST answered <c>307</c> or <c>308</c> is sent again, body and all, by a following handler (for a
/// redirect loop up to 50 times: one sale, 51 POSTs), and <c>301</c>/<c>302</c> turn it into a GET that answers
/// something else. SUNBAY's API does not redirect; a redirect means a wrong base address or something in between.
/// </remarks>
internal sealed class SunbayRedirectGuardHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        var method = request.Method;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is >= 300 and <= 399)
        {
            var target = SunbayHttp.DescribeTarget(response.Headers.Location, uri);
            response.Dispose();
            throw new SunbayRedirectException(status, target, followed: false);
        }

        // A following handler rewrites the request in place (SocketsHttpHandler) or answers for another request.
        var landed = response.RequestMessage ?? request;
        if (landed.RequestUri != uri || landed.Method != method)
        {
            var target = SunbayHttp.DescribeTarget(landed.RequestUri, uri);
            response.Dispose();
            throw new SunbayRedirectException(status, target, followed: true);
        }

        return response;
    }
}
