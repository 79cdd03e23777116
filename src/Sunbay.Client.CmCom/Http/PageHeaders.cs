using System.Globalization;
using Sunbay.Client.Http;

namespace Sunbay.Client.CmCom.Http;

/// <summary>
/// What one page of a CM.com list says in its headers: the <c>rel="next"</c> target of its <c>Link</c> header (RFC
/// 8288; absent on the last page, and the header is empty when everything fits on one page) and <c>X-Total-Count</c>.
/// </summary>
internal sealed class PageHeaders : IAnswerObserver
{
    /// <summary>The next page's URL, resolved against the request's; null on the last page.</summary>
    public Uri? Next { get; private set; }

    /// <summary>The number of entries of the whole list, when CM.com said.</summary>
    public long? TotalCount { get; private set; }

    public void Observe(HttpResponseMessage response)
    {
        var headers = response.Headers.NonValidated;
        Next = headers.TryGetValues("Link", out var links) && response.RequestMessage?.RequestUri is { } requestUri
            ? LinkHeader.Find(string.Join(", ", links), "next", requestUri)
            : null;
        TotalCount = headers.TryGetValues("X-Total-Count", out var total)
            && long.TryParse(total.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? count
                : null;
    }
}
