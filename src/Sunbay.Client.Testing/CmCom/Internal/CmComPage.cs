using System.Globalization;
using System.Text;
using CmWire = Sunbay.Client.CmCom.Wire;

namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// Pagination as the guide describes it: <c>page</c> (from 1, default 1) and <c>size</c> (default 10, at most 100) by
/// the generated rules of <c>Pagination</c>; the answer carries <c>X-Total-Count</c> and an RFC 8288 <c>Link</c> with
/// absolute URLs, rel prev, next, first and last, empty only when the page size is larger than the total.
/// </summary>
internal readonly record struct CmComPage(int Page, int Size)
{
    /// <summary>The page asked for, or a 400 problem for a value that is no integer or breaks a rule.</summary>
    public static FakeAnswer? Read(IncomingRequest request, out CmComPage page)
    {
        page = new CmComPage(1, 10);
        if (!TryInt(request.Param("page"), out var number) || !TryInt(request.Param("size"), out var size))
        {
            return CmComProblem.Answer(400, "page and size must be whole numbers.", request.Path);
        }

        if ((CmWire.Pagination.CheckPage(number) ?? CmWire.Pagination.CheckSize(size)) is { } problem)
        {
            return CmComProblem.Answer(400, $"{problem.Field} {problem.Rule}.", request.Path);
        }

        page = new CmComPage(number ?? 1, size ?? 10);
        return null;
    }

    /// <summary>This page of <paramref name="all"/> as a JSON array, with the paging headers.</summary>
    public FakeAnswer Answer<T>(IReadOnlyList<T> all, Uri baseAddress, string path)
    {
        var items = all.Skip((int)Math.Min(int.MaxValue, (long)(Page - 1) * Size)).Take(Size).ToList();
        return new FakeAnswer(200, null, CmComJson.Write<ICollection<T>>(items))
        {
            Headers = new Dictionary<string, string>
            {
                ["X-Total-Count"] = all.Count.ToString(CultureInfo.InvariantCulture),
                ["Link"] = Links(all.Count, new Uri(baseAddress, path.TrimStart('/')).AbsoluteUri),
            },
        };
    }

    private string Links(int total, string url)
    {
        // The guide: "If the page size is larger than the total number of entries, then this header will be empty";
        // a total equal to the size still gets its first and last links.
        if (Size > total)
        {
            return string.Empty;
        }

        var last = (total + Size - 1) / Size;
        var links = new StringBuilder();
        if (Page > 1)
        {
            Add(links, url, Math.Min(Page - 1, last), "prev");
        }

        if (Page < last)
        {
            Add(links, url, Page + 1, "next");
        }

        Add(links, url, 1, "first");
        Add(links, url, last, "last");
        return links.ToString();
    }

    private void Add(StringBuilder links, string url, int page, string rel) =>
        links.Append(links.Length == 0 ? string.Empty : ", ")
            .Append(CultureInfo.InvariantCulture, $"<{url}?page={page}&size={Size}>; rel=\"{rel}\"");

    private static bool TryInt(string? text, out int? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        var ok = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed);
        value = parsed;
        return ok;
    }
}
