using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Sunbay.Client.Http;

/// <summary>
/// The response headers handed to the generated wire client's error paths, copied into a dictionary only when read.
/// NSwag's template copies every header of every response into a new dictionary (with a string array per header) just
/// in case an exception needs them; nothing reads them on success, so the copy is deferred (see openapi/NSwag.targets).
/// </summary>
internal sealed class ResponseHeaders(HttpResponseMessage response) : IReadOnlyDictionary<string, IEnumerable<string>>
{
    private Dictionary<string, IEnumerable<string>>? _copy;

    public int Count => Copy.Count;

    public IEnumerable<string> Keys => Copy.Keys;

    public IEnumerable<IEnumerable<string>> Values => Copy.Values;

    public IEnumerable<string> this[string key] => Copy[key];

    private Dictionary<string, IEnumerable<string>> Copy => _copy ??= Snapshot(response);

    public bool ContainsKey(string key) => Copy.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IEnumerable<string> value) => Copy.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator() => Copy.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static Dictionary<string, IEnumerable<string>> Snapshot(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in response.Headers)
        {
            headers[item.Key] = item.Value;
        }

        if (response.Content is { } content)
        {
            foreach (var item in content.Headers)
            {
                headers[item.Key] = item.Value;
            }
        }

        return headers;
    }
}
