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
    /// Masks every secret in <paramref name="text"/>: the API key <paramref name="apiKey"/> wherever it appears (a server
    /// may echo the <c>Authorization</c> value with or without its scheme), any credential after <c>Bearer</c>, any
    /// SUNBAY secret key (<c>sk_live_…</c>, <c>sk_test_…</c>, so also an old or another client's key), and card numbers
    /// (first 6 and last 4 digits kept, see <see cref="MaskCardNumbers"/>). Idempotent.
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

        // The key first: card-number masking could change digits inside it and hide it from the exact search.
        if (apiKey is { Length: >= MinimumKeyLength } && text.Contains(apiKey, StringComparison.Ordinal))
        {
            text = text.Replace(apiKey, Redacted, StringComparison.Ordinal);
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
    /// Masks card numbers in free text: any run of 13 to 19 digits (spaces and dashes between digits allowed) that passes
    /// the Luhn check keeps its first 6 and last 4 digits.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? MaskCardNumbers(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return text;
        }

        var result = text.ToCharArray();
        var changed = false;
        var i = 0;
        Span<int> positions = stackalloc int[19];
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            // Collect one run of digits, allowing single separators between them.
            var count = 0;
            var j = i;
            var end = i;
            while (j < text.Length)
            {
                if (char.IsAsciiDigit(text[j]))
                {
                    if (count == positions.Length)
                    {
                        count++;
                        break;
                    }

                    positions[count++] = j;
                    end = j + 1;
                    j++;
                }
                else if ((text[j] is ' ' or '-') && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]) && count > 0)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            if (count is >= 13 and <= 19 && Luhn(text, positions[..count]))
            {
                for (var k = 6; k < count - 4; k++)
                {
                    result[positions[k]] = '*';
                }

                changed = true;
            }

            i = Math.Max(end, i + 1);
        }

        return changed ? new string(result) : text;
    }

    /// <summary>The RFC 6750 token after <c>Bearer</c> (any case, any white space between).</summary>
    [GeneratedRegex(@"(\b[Bb][Ee][Aa][Rr][Ee][Rr]\s+)[A-Za-z0-9\-._~+/]+=*", RegexOptions.CultureInvariant)]
    private static partial Regex BearerCredential();

    /// <summary>A SUNBAY secret key: <c>sk_live_</c> or <c>sk_test_</c> and what follows; the prefix is kept.</summary>
    [GeneratedRegex(@"(sk_(?:live|test)_)[A-Za-z0-9_\-]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();

    private static bool Luhn(string text, ReadOnlySpan<int> positions)
    {
        var sum = 0;
        var doubleIt = false;
        for (var k = positions.Length - 1; k >= 0; k--)
        {
            var digit = text[positions[k]] - '0';
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
