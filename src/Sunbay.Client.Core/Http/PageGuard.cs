namespace Sunbay.Client.Http;

/// <summary>
/// Makes a paged list end whatever the server answers: a list is followed page after page only while each page brings
/// items not seen before, the count the server announced is not reached, and the pages stay under a limit. A next link
/// or token that keeps changing over the same items would otherwise be followed forever. Provider-neutral: each
/// provider's paging asks it after every page and reports <see cref="PageVerdict.Fail"/> as its transport error.
/// </summary>
/// <param name="maxPages">The most pages a list is followed over (a list longer than this is refused, not cut).</param>
internal sealed class PageGuard(int maxPages = PageGuard.DefaultMaxPages)
{
    /// <summary>The page limit of every list: far beyond any terminal's or store's list, and a bound on a runaway one.</summary>
    public const int DefaultMaxPages = 1000;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _pages;

    /// <summary>Why the last <see cref="AfterPage"/> failed, for the provider's message.</summary>
    public string? Problem { get; private set; }

    /// <summary>The items yielded so far.</summary>
    public long Items { get; private set; }

    /// <summary>Judges one page, once its items were counted.</summary>
    /// <param name="keys">Each item's identity on the page (null when an item has none: it counts as new).</param>
    /// <param name="total">The number of items the server says the list has, if it says one.</param>
    /// <param name="hasNext">Whether the page points to another one.</param>
    public PageVerdict AfterPage(IEnumerable<string?> keys, long? total, bool hasNext)
    {
        _pages++;
        var onPage = 0;
        var fresh = 0;
        foreach (var key in keys)
        {
            onPage++;
            if (key is null || _seen.Add(key))
            {
                fresh++;
            }
        }

        Items += onPage;
        if (!hasNext)
        {
            return PageVerdict.Last;
        }

        if (onPage > 0 && fresh == 0)
        {
            Problem = $"page {_pages} repeats items of earlier pages and still points to a next page";
            return PageVerdict.Fail;
        }

        if (total is { } count && Items >= count)
        {
            // Every item the server announced was read: a further page could only repeat or contradict them.
            return PageVerdict.Last;
        }

        if (_pages >= maxPages)
        {
            Problem = $"the list goes on beyond {maxPages} pages";
            return PageVerdict.Fail;
        }

        return PageVerdict.Next;
    }
}

/// <summary>What <see cref="PageGuard.AfterPage"/> decided.</summary>
internal enum PageVerdict
{
    /// <summary>Follow the next page.</summary>
    Next,

    /// <summary>The list is complete.</summary>
    Last,

    /// <summary>The server's paging does not end: report <see cref="PageGuard.Problem"/>.</summary>
    Fail,
}
