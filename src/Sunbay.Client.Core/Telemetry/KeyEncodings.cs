using System.Text;

namespace Sunbay.Client.Telemetry;

/// <summary>
/// The texts an API key's bytes become in a binary-to-text encoding: Base64 (standard and URL-safe) at each of the three
/// alignments the key may have inside a longer encoded value (<c>Basic</c> credentials, a header echoed whole), and
/// hexadecimal in either case. Made once per key: a client masks with the same key until it rotates.
/// </summary>
internal sealed class KeyEncodings
{
    /// <summary>Shorter fragments could stand by chance in other text; a real key gives far longer ones.</summary>
    private const int MinimumFragment = 8;

    private static KeyEncodings? s_last;

    private KeyEncodings(string key, string[] fragments)
    {
        Key = key;
        Fragments = fragments;
    }

    /// <summary>The key these are the encodings of.</summary>
    public string Key { get; }

    /// <summary>Each encoded text, longest first: a fragment that holds another is masked whole, not around the other's mask.</summary>
    public string[] Fragments { get; }

    /// <summary>The length of the shortest fragment, the last one (the hexadecimal is always there): a text shorter than it holds none.</summary>
    public int Shortest => Fragments[^1].Length;

    /// <summary>The encodings of <paramref name="key"/>.</summary>
    public static KeyEncodings Of(string key)
    {
        if (Volatile.Read(ref s_last) is { } last && string.Equals(last.Key, key, StringComparison.Ordinal))
        {
            return last;
        }

        var bytes = Encoding.UTF8.GetBytes(key);
        var fragments = new HashSet<string>(StringComparer.Ordinal)
        {
            Convert.ToHexString(bytes),
            Convert.ToHexString(bytes).ToLowerInvariant(),
        };
        for (var offset = 0; offset < 3; offset++)
        {
            // Only the 4-character groups made of the key's bytes alone: the first group of a shifted key also holds
            // the bytes before it, the last incomplete one the bytes after it.
            var padded = new byte[offset + bytes.Length];
            bytes.CopyTo(padded, offset);
            var base64 = Convert.ToBase64String(padded);
            var start = offset == 0 ? 0 : 4;
            var end = padded.Length / 3 * 4;
            if (end - start >= MinimumFragment)
            {
                var fragment = base64[start..end];
                fragments.Add(fragment);
                fragments.Add(fragment.Replace('+', '-').Replace('/', '_'));
            }
        }

        var made = new KeyEncodings(key, [.. fragments.OrderByDescending(f => f.Length)]);
        Volatile.Write(ref s_last, made);
        return made;
    }
}
