namespace Sunbay.Client.CmCom.Http;

/// <summary>
/// Reads RFC 8288 <c>Link</c> header values: a comma-separated list of <c>&lt;URI-reference&gt;; param=value; ...</c>,
/// where a value may be a quoted string (holding commas, semicolons and escaped quotes) and <c>rel</c> may name several
/// relation types separated by spaces (<c>rel="next last"</c>), compared without regard to case. A relative reference is
/// resolved against the URL of the request the header answered.
/// </summary>
internal static class LinkHeader
{
    /// <summary>The target of the first link whose <c>rel</c> includes <paramref name="relation"/>, or <see langword="null"/>.</summary>
    /// <param name="header">The header's value (several header lines joined with commas).</param>
    /// <param name="relation">The relation type, e.g. <c>next</c>.</param>
    /// <param name="requestUri">Where a relative reference is resolved against.</param>
    public static Uri? Find(string? header, string relation, Uri requestUri)
    {
        var position = 0;
        while (header is not null && position < header.Length)
        {
            var open = header.IndexOf('<', position);
            var close = open < 0 ? -1 : header.IndexOf('>', open + 1);
            if (close < 0)
            {
                return null;
            }

            var target = header.AsSpan(open + 1, close - open - 1).Trim().ToString();
            position = close + 1;
            var matches = false;
            while (NextParameter(header, ref position) is { } parameter)
            {
                matches |= parameter.Name.Equals("rel", StringComparison.OrdinalIgnoreCase)
                    && parameter.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(relation, StringComparer.OrdinalIgnoreCase);
            }

            if (matches && Uri.TryCreate(requestUri, target, out var resolved))
            {
                return resolved;
            }
        }

        return null;
    }

    /// <summary>
    /// The next <c>; name=value</c> of the current link, leaving <paramref name="position"/> after it; null at the comma
    /// that ends the link (skipped) or at the end.
    /// </summary>
    private static (string Name, string Value)? NextParameter(string header, ref int position)
    {
        SkipSpaces(header, ref position);
        if (position >= header.Length || header[position] != ';')
        {
            // The comma between links (or anything unexpected) ends this link's parameters.
            if (position < header.Length)
            {
                position++;
            }

            return null;
        }

        position++;
        SkipSpaces(header, ref position);
        var nameStart = position;
        while (position < header.Length && header[position] is not ('=' or ';' or ',') && !char.IsWhiteSpace(header[position]))
        {
            position++;
        }

        var name = header[nameStart..position];
        SkipSpaces(header, ref position);
        if (position >= header.Length || header[position] != '=')
        {
            return (name, string.Empty);
        }

        position++;
        SkipSpaces(header, ref position);
        return (name, position < header.Length && header[position] == '"' ? Quoted(header, ref position) : Token(header, ref position));
    }

    /// <summary>A quoted string, with its backslash escapes undone.</summary>
    private static string Quoted(string header, ref int position)
    {
        var value = new System.Text.StringBuilder();
        for (position++; position < header.Length && header[position] != '"'; position++)
        {
            if (header[position] == '\\' && position + 1 < header.Length)
            {
                position++;
            }

            value.Append(header[position]);
        }

        position++; // the closing quote
        return value.ToString();
    }

    private static string Token(string header, ref int position)
    {
        var start = position;
        while (position < header.Length && header[position] is not (';' or ','))
        {
            position++;
        }

        return header[start..position].Trim();
    }

    private static void SkipSpaces(string header, ref int position)
    {
        while (position < header.Length && char.IsWhiteSpace(header[position]))
        {
            position++;
        }
    }
}
