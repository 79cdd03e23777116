using System.Globalization;
using System.Runtime.CompilerServices;
using Sunbay.Client.CmCom.Http;
using Sunbay.Client.CmCom.Transactions;
using Sunbay.Client.CmCom.Validation;
using Sunbay.Client.CmCom.Wire;
using Sunbay.Client.Http;
using Sunbay.Client.Wire;

namespace Sunbay.Client.CmCom;

/// <summary>Lists that follow CM.com's <c>Link: rel="next"</c> page after page, and the day totals.</summary>
public sealed partial class CmComClient
{
    /// <summary>The most pages one listing reads: 100,000 entries at CM.com's largest page size, far beyond any real list.</summary>
    internal const int MaxPages = PageGuard.DefaultMaxPages;

    /// <inheritdoc/>
    public IAsyncEnumerable<CmComStore> GetStoresAsync(CancellationToken cancellationToken = default) =>
        PagesAsync<Wire.Store, CmComStore>(CmComWireApi.ListStores, size => CmComWireApi.ListStoresUrl(1, size), default, CmComMapper.FromWire, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<CmComTerminal> GetTerminalsAsync(CancellationToken cancellationToken = default) =>
        PagesAsync<Wire.Terminal, CmComTerminal>(CmComWireApi.ListTerminals, size => CmComWireApi.ListTerminalsUrl(1, size), default, CmComMapper.FromWire, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<CmComTransaction> GetTransactionsAsync(string? terminalId = null, CancellationToken cancellationToken = default) =>
        ListTransactionsAsync(CmComRules.TerminalOf(terminalId, CurrentOptions), cancellationToken);

    /// <inheritdoc/>
    public async Task<CmComDayTotals> GetDayTotalsAsync(string? terminalId = null, CancellationToken cancellationToken = default)
    {
        var terminal = CmComRules.TerminalOf(terminalId, CurrentOptions);
        var answer = await SendAsync(CmComWireApi.GetDayTotals, CmComWireApi.GetDayTotalsUrl(terminal), null, new CallSubject(null, terminal), cancellationToken).ConfigureAwait(false);
        // The guide: "The day totals will be presented as a formatted receipt". An answer without one is not the day
        // totals in a format this SDK knows: an error, never an empty receipt a point of sale would print as the day's.
        if (string.IsNullOrWhiteSpace(answer.Receipt))
        {
            throw new CmComTransportException(
                $"CM.com answered {CmComWireApi.GetDayTotals.Name} for terminal '{terminal}' without a receipt (neither a JSON object with 'receipt' nor text/plain): a format this SDK does not know. Nothing was changed; read the answer with your own HTTP call to see it.",
                CmComWireApi.GetDayTotals.Name, outcomeUnknown: false, terminal, merchantOrderReference: null, transactionId: null, statusCode: 200);
        }

        return new CmComDayTotals(terminal, answer.Receipt);
    }

    private IAsyncEnumerable<CmComTransaction> ListTransactionsAsync(string terminal, CancellationToken cancellationToken) =>
        PagesAsync(CmComWireApi.ListTransactions, size => CmComWireApi.ListTransactionsUrl(terminal, 1, size), new CallSubject(null, terminal), wire => CmComMapper.FromWire(wire, terminal), cancellationToken);

    /// <summary>
    /// The items of a list, page after page: each page's <c>Link</c> <c>rel="next"</c> (RFC 8288, relative or absolute)
    /// is followed until there is none, or <c>X-Total-Count</c> entries were read, or a page is empty, or a link
    /// repeats. A next link that leaves the configured base address is refused: the API key is only ever sent to
    /// <c>CmCom:BaseAddress</c>. A list that still has a next page after <see cref="MaxPages"/> pages is a broken answer.
    /// </summary>
    private async IAsyncEnumerable<T> PagesAsync<TWire, T>(WireEndpoint<NoBody, ICollection<TWire>> endpoint, Func<int, string> firstUrl, CallSubject subject, Func<TWire, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TWire : class
    {
        var size = PageSize();
        var baseAddress = PipelineHttp.BaseAddressOf(CurrentOptions);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var guard = new PageGuard(MaxPages);
        for (var url = new Uri(baseAddress, firstUrl(size)).AbsoluteUri; visited.Add(url);)
        {
            var headers = new PageHeaders();
            var page = await _pipeline.SendAsync(endpoint, url, null, subject, headers, cancellationToken).ConfigureAwait(false);
            if (page is not { Count: > 0 })
            {
                yield break;
            }

            foreach (var item in page)
            {
                yield return map(item);
            }

            if (guard.AfterPage(page.Select(static _ => (string?)null), headers.TotalCount, headers.Next is not null) is var verdict && verdict == PageVerdict.Fail)
            {
                throw new CmComTransportException(
                    $"CM.com's list of {endpoint.Name} does not end: {guard.Problem}; stopped after {guard.Items} item(s).",
                    endpoint.Name, outcomeUnknown: false, subject.TerminalId, merchantOrderReference: null, transactionId: null, statusCode: 200);
            }

            if (verdict == PageVerdict.Last || headers.Next is not { } next)
            {
                yield break;
            }

            if (!IsUnder(next, baseAddress))
            {
                throw new CmComTransportException(
                    $"CM.com's next-page link of {endpoint.Name} points outside CmCom:BaseAddress (to {PipelineHttp.DescribeOrigin(next)}): not followed, as the API key is only sent to the configured address.",
                    endpoint.Name, outcomeUnknown: false, subject.TerminalId, merchantOrderReference: null, transactionId: null, statusCode: 200);
            }

            url = WithOwnSize(next, size);
        }
    }

    /// <summary>
    /// The next link with the page size this client asked for. CM.com's guide answers <c>/stores?page=3&amp;size=10</c>
    /// with <c>&lt;baseUrl/stores?size=1&amp;page=4&gt;; rel="next"</c>: page 4 at another size would skip or repeat
    /// entries, and a lookup by reference that misses one would send a payment again. The link's page is kept.
    /// </summary>
    private static string WithOwnSize(Uri next, int size)
    {
        var query = next.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return next.AbsoluteUri;
        }

        var own = string.Create(CultureInfo.InvariantCulture, $"size={size}");
        var parts = query.Split('&');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].StartsWith("size=", StringComparison.OrdinalIgnoreCase))
            {
                parts[i] = own;
            }
        }

        return new UriBuilder(next) { Query = string.Join('&', parts) }.Uri.AbsoluteUri;
    }

    private static bool IsUnder(Uri target, Uri baseAddress) =>
        Uri.Compare(target, baseAddress, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0
        && target.AbsolutePath.StartsWith(baseAddress.AbsolutePath, StringComparison.Ordinal);

    private int PageSize()
    {
        var size = CurrentOptions.PageSize;
        return Pagination.CheckSize(size) is { } problem ? throw new PaymentsValidationException("size", problem.Rule) : size;
    }
}
