namespace Sunbay.Client.Testing.Internal;

/// <summary>Reads a query string the same way for both transports: <c>+</c> is a space, a repeated name's values are joined with commas.</summary>
internal static class FakeQuery
{
    public static IReadOnlyDictionary<string, string> Parse(string rawQuery)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            query[name] = query.TryGetValue(name, out var before) ? before + "," + value : value;
        }

        return query;
    }

    private static string Decode(string part) => Uri.UnescapeDataString(part.Replace('+', ' '));
}
