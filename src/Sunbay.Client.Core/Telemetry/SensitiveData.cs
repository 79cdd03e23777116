using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Sunbay.Client.Telemetry;

/// <summary>
/// The one redaction used wherever the SDK renders text that came from outside it (SUNBAY's <c>msg</c>, an error body, a
/// <c>Location</c>, a transaction's result message, a request's free text) into an exception message, a log line or a
/// <c>ToString()</c>: see <see cref="Mask"/>.
/// </summary>
internal static partial class SensitiveData
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Redacted = "***";

    /// <summary>Keys shorter than this are not searched for (a one-letter "key" would mask every such letter).</summary>
    private const int MinimumKeyLength = 6;

    /// <summary>
    /// Masks every secret in <paramref name="text"/>: the API key <paramref name="apiKey"/> wherever it appears, as it is
    /// or escaped (a server may echo the <c>Authorization</c> value with or without its scheme, inside JSON or a URL, see
    /// <see cref="MaskKey"/>), any credential after <c>Bearer</c>, any SUNBAY secret key (<c>sk_live_…</c>,
    /// <c>sk_test_…</c>, so also an old or another client's key), and card numbers (first 6 and last 4 digits kept, see
    /// <see cref="MaskCardNumbers"/>). Idempotent.
    /// </summary>
    /// <param name="text">Text to render.</param>
    /// <param name="apiKey">The client's current API key, when the caller knows it.</param>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Mask(string? text, string? apiKey = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // The key first: card-number masking could change digits inside it and hide it from the search.
        if (apiKey is { Length: >= MinimumKeyLength })
        {
            text = MaskKey(text, apiKey);
        }

        if (text.Contains("bearer", StringComparison.OrdinalIgnoreCase))
        {
            text = BearerCredential().Replace(text, "$1" + Redacted);
        }

        if (text.Contains("sk_", StringComparison.OrdinalIgnoreCase))
        {
            text = SecretKey().Replace(text, "$1" + Redacted);
        }

        return MaskCardNumbers(text);
    }

    /// <summary>
    /// Masks <paramref name="apiKey"/> in <paramref name="text"/> in any of the encodings a server may echo it in: its
    /// bytes in Base64 (standard or URL-safe, at any alignment, so also inside an encoded <c>Authorization</c> value) or
    /// in hexadecimal (either case), and each character, even mixed, as itself, percent-encoded (<c>%2B</c>, either
    /// case; <c>+</c> for a space), JSON-escaped (<c>\u002B</c>, either case; <c>\/</c>, <c>\"</c>, <c>\\</c>) or as an
    /// HTML character reference (<c>&amp;#43;</c>, <c>&amp;#x2B;</c>, <c>&amp;amp;</c>).
    /// </summary>
    private static string MaskKey(string text, string apiKey)
    {
        if (text.Contains(apiKey, StringComparison.Ordinal))
        {
            text = text.Replace(apiKey, Redacted, StringComparison.Ordinal);
        }

        var encoded = KeyEncodings.Of(apiKey);
        if (text.Length >= encoded.Shortest)
        {
            foreach (var fragment in encoded.Fragments)
            {
                if (text.Contains(fragment, StringComparison.Ordinal))
                {
                    text = text.Replace(fragment, Redacted, StringComparison.Ordinal);
                }
            }
        }

        // An escaped character needs a '%', a '\', a '+' or a '&' in the text: the common case costs one scan.
        if (text.AsSpan().IndexOfAny("%\\+&") < 0)
        {
            return text;
        }

        System.Text.StringBuilder? masked = null;
        var copied = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (MatchKeyAt(text, i, apiKey) is var length and > 0)
            {
                masked ??= new System.Text.StringBuilder(text.Length);
                masked.Append(text, copied, i - copied).Append(Redacted);
                i += length - 1;
                copied = i + 1;
            }
        }

        return masked is null ? text : masked.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The length of the key's text at <paramref name="start"/>, in whatever encoding; 0 when it is not there.</summary>
    private static int MatchKeyAt(string text, int start, string apiKey)
    {
        var j = start;
        foreach (var k in apiKey)
        {
            if (j >= text.Length)
            {
                return 0;
            }

            var c = text[j];
            if (c == '&' && HtmlReferenceAt(text, j, k) is var reference and > 0)
            {
                // Before the character itself: a key's own '&' echoed as "&amp;" starts with one.
                j += reference;
            }
            else if (c == k)
            {
                j++;
            }
            else if (c == '%' && k < 0x80 && j + 2 < text.Length && HexValue(text.AsSpan(j + 1, 2)) == k)
            {
                j += 3;
            }
            else if (c == '+' && k == ' ')
            {
                j++;
            }
            else if (c == '\\' && j + 1 < text.Length && text[j + 1] == k && k is '/' or '"' or '\\')
            {
                j += 2;
            }
            else if (c == '\\' && j + 5 < text.Length && text[j + 1] == 'u' && HexValue(text.AsSpan(j + 2, 4)) == k)
            {
                j += 6;
            }
            else
            {
                return 0;
            }
        }

        return j - start;
    }

    /// <summary>The length of an HTML character reference to <paramref name="k"/> at <paramref name="start"/>; 0 when none is there.</summary>
    private static int HtmlReferenceAt(string text, int start, char k)
    {
        // The longest reference to a header character is "&#x0007E;": look no further, or text full of '&' costs n².
        var semicolon = text.AsSpan(start, Math.Min(10, text.Length - start)).IndexOf(';');
        if (semicolon < 0)
        {
            return 0;
        }

        var end = start + semicolon;

        var name = text.AsSpan(start + 1, end - start - 1);
        var value = name switch
        {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            ['#', 'x' or 'X', .. var hex] => HexValue(hex),
            ['#', .. var digits] => int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : -1,
            _ => -1,
        };
        return value == k ? end - start + 1 : 0;
    }

    private static int HexValue(ReadOnlySpan<char> hex) =>
        int.TryParse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : -1;

    /// <summary>
    /// <paramref name="body"/> masked (<see cref="Mask"/>) and then cut to <paramref name="maxLength"/> characters, in this
    /// order, so that a secret on the cut is not left half visible.
    /// </summary>
    public static string Excerpt(string? body, string? apiKey, int maxLength)
    {
        if (string.IsNullOrEmpty(body))
        {
            return "(empty body)";
        }

        var masked = Mask(body, apiKey);
        return masked.Length <= maxLength ? masked : string.Concat(masked.AsSpan(0, maxLength), "…");
    }

    /// <summary>
    /// Masks card numbers in free text, keeping their first 6 and last 4 digits. A card number is one or more groups of
    /// digits joined by single spaces or dashes (<c>4111 1111 1111 1111</c>), 13 to 19 digits in all, passing the Luhn
    /// check, and standing as a word of its own: digits glued to letters or underscores (a hex trace id such as
    /// <c>938807…4074bb9a</c>, an order reference) are an identifier, not a card number, and stay intact. Within a run of
    /// groups ("<c>4111111111111111 98.75 EUR</c>"), a group that is a card number by itself is masked alone; otherwise
    /// the longest run of groups from each group on that is one.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? MaskCardNumbers(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return text;
        }

        char[]? result = null;
        Span<(int Start, int End)> groups = stackalloc (int, int)[MaxDigits];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            if (i > 0 && IsWordChar(text[i - 1]))
            {
                // Glued to what precedes it: part of an identifier.
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                continue;
            }

            // One run of groups: digits, single separators between them.
            var count = 0;
            var j = i;
            while (true)
            {
                var groupStart = j;
                while (j < text.Length && char.IsAsciiDigit(text[j]))
                {
                    j++;
                }

                if (count < groups.Length)
                {
                    groups[count++] = (groupStart, j);
                }

                if (j + 1 < text.Length && text[j] is ' ' or '-' && char.IsAsciiDigit(text[j + 1]))
                {
                    j++;
                    continue;
                }

                break;
            }

            // The last group glued to what follows it is part of an identifier.
            var usable = j < text.Length && IsWordChar(text[j]) ? count - 1 : count;
            for (var g = 0; g < usable;)
            {
                var last = LongestCardFrom(text, groups[..usable], g);
                if (last < 0)
                {
                    g++;
                    continue;
                }

                result ??= text.ToCharArray();
                MaskDigits(result, groups[g].Start, groups[last].End);
                g = last + 1;
            }

            i = j;
        }

        return result is null ? text : new string(result);
    }

    /// <summary>The most digits a card number has.</summary>
    private const int MaxDigits = 19;

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>The last group of the card number that starts at group <paramref name="first"/>, or -1 when none does.</summary>
    private static int LongestCardFrom(string text, ReadOnlySpan<(int Start, int End)> groups, int first)
    {
        var digits = groups[first].End - groups[first].Start;
        if (digits is >= 13 and <= MaxDigits && Luhn(text, groups[first].Start, groups[first].End))
        {
            return first;
        }

        var best = -1;
        for (var last = first + 1; last < groups.Length; last++)
        {
            digits += groups[last].End - groups[last].Start;
            if (digits > MaxDigits)
            {
                break;
            }

            if (digits >= 13 && Luhn(text, groups[first].Start, groups[last].End))
            {
                best = last;
            }
        }

        return best;
    }

    /// <summary>Masks every digit of <c>[start, end)</c> but the first 6 and the last 4.</summary>
    private static void MaskDigits(char[] text, int start, int end)
    {
        var total = 0;
        for (var k = start; k < end; k++)
        {
            total += char.IsAsciiDigit(text[k]) ? 1 : 0;
        }

        var index = 0;
        for (var k = start; k < end; k++)
        {
            if (char.IsAsciiDigit(text[k]))
            {
                if (index >= 6 && index < total - 4)
                {
                    text[k] = '*';
                }

                index++;
            }
        }
    }

    /// <summary>The RFC 6750 token after <c>Bearer</c> (any case, any white space between).</summary>
    [GeneratedRegex(@"(\b[Bb][Ee][Aa][Rr][Ee][Rr]\s+)[A-Za-z0-9\-._~+/]+=*", RegexOptions.CultureInvariant)]
    private static partial Regex BearerCredential();

    /// <summary>A SUNBAY secret key: <c>sk_live_</c> or <c>sk_test_</c> and what follows; the prefix is kept.</summary>
    [GeneratedRegex(@"(sk_(?:live|test)_)[A-Za-z0-9_\-]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();

    /// <summary>The Luhn check over the digits of <c>[start, end)</c> (separators skipped).</summary>
    private static bool Luhn(string text, int start, int end)
    {
        var sum = 0;
        var doubleIt = false;
        for (var k = end - 1; k >= start; k--)
        {
            if (!char.IsAsciiDigit(text[k]))
            {
                continue;
            }

            var digit = text[k] - '0';
            if (doubleIt)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }
}
