using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Http;

/// <summary>
/// Settings of the HTTP layer shared by the dependency-injection and the plain construction paths of every client.
/// Provider-neutral: every provider package builds on it.
/// </summary>
internal static class PipelineHttp
{
    /// <summary><c>application/json</c>, exactly (no charset): shared, never mutated.</summary>
    public static System.Net.Http.Headers.MediaTypeHeaderValue JsonContentType { get; } = new("application/json");

    /// <summary>
    /// Pooled connections that are renewed every few minutes, so DNS changes are seen. Redirects are never followed (see
    /// <see cref="ThrowOnRedirect"/>).
    /// </summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(30),
        // No AutomaticDecompression: neither provider documents compressed answers, which are small JSON; the layer and
        // its Accept-Encoding header cost every call (issue 22, tests/Sunbay.Client.Benchmarks/PROFILE.md).
    };

    /// <summary>
    /// Turns off <c>AllowAutoRedirect</c> on <paramref name="handler"/> and, through <see cref="DelegatingHandler.InnerHandler"/>,
    /// on the handlers it wraps: an application's handler (e.g. <c>new HttpClientHandler { Proxy = ... }</c>, which follows
    /// redirects by default) is taken over rather than refused, as the client owns and disposes it anyway. Handlers of
    /// other types are left alone; <see cref="ThrowOnRedirect"/> reports any redirect they follow.
    /// </summary>
    /// <returns><see langword="false"/> when a handler follows redirects and can no longer be changed (it has already sent requests).</returns>
    public static bool TryStopRedirects(HttpMessageHandler handler)
    {
        for (HttpMessageHandler? current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            try
            {
                switch (current)
                {
                    case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                        sockets.AllowAutoRedirect = false;
                        break;
                    case HttpClientHandler { AllowAutoRedirect: true } classic:
                        classic.AllowAutoRedirect = false;
                        break;
                }
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The message when <see cref="TryStopRedirects"/> fails.</summary>
    public static string CannotStopRedirects(string label) =>
        $"{label} follows redirects (AllowAutoRedirect = true) and has already sent requests, so it can no longer be changed. " +
        "Sunbay.Client never follows a redirect (a redirected payment would be sent again); give it a new handler, or one with AllowAutoRedirect = false.";

    /// <summary>
    /// Where a redirect points, safe for a message: scheme, host, port and path, without the query, fragment or user
    /// info (which may carry tokens). A relative <paramref name="location"/> is resolved against <paramref name="requestUri"/>.
    /// </summary>
    public static string DescribeTarget(Uri? location, Uri? requestUri)
    {
        if (location is null)
        {
            return "(no Location header)";
        }

        var absolute = location.IsAbsoluteUri ? location
            : requestUri is { IsAbsoluteUri: true } && Uri.TryCreate(requestUri, location, out var resolved) ? resolved
            : null;
        if (absolute is null)
        {
            var text = location.OriginalString;
            var cut = text.IndexOfAny(['?', '#']);
            return cut < 0 ? text : text[..cut];
        }

        return absolute.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }

    /// <summary>
    /// The base address requests are resolved against, read from the options at each call (so that a reload applies):
    /// relative paths ("v1/...") need a trailing '/', or the last segment of a base path would be dropped.
    /// </summary>
    public static Uri BaseAddressOf(IPipelineOptions options)
    {
        var address = options.ResolveBaseAddress();
        return address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
    }

    /// <summary>
    /// A redirect is never followed, for any method: a 3xx answer, or a request that the primary handler sent somewhere
    /// else on its own (an application's handler that still follows redirects), fails the attempt; the retry strategy
    /// does not retry it. Why never: a POST answered 307/308 is sent again, body and all, by a following handler (for a
    /// loop up to 50 times), and 301/302 turn it into a GET that answers something else. SUNBAY does not redirect.
    /// </summary>
    /// <param name="sentTo">Where the attempt was sent.</param>
    /// <param name="method">Its method.</param>
    /// <param name="response">Its answer.</param>
    /// <param name="apiKey">The key, masked out of the target (a server may echo it in a <c>Location</c> path, in any encoding).</param>
    public static void ThrowOnRedirect(Uri sentTo, HttpMethod method, HttpResponseMessage response, string? apiKey)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and <= 399)
        {
            throw new RedirectException(status, Telemetry.SensitiveData.Mask(DescribeTarget(response.Headers.Location, sentTo), apiKey), followed: false);
        }

        // A following handler rewrites the request in place (SocketsHttpHandler) or answers for another request.
        if (response.RequestMessage is { } landed && (landed.RequestUri != sentTo || landed.Method != method))
        {
            throw new RedirectException(status, Telemetry.SensitiveData.Mask(DescribeTarget(landed.RequestUri, sentTo), apiKey), followed: true);
        }
    }

    /// <summary>
    /// Where <paramref name="target"/> points, named by its scheme, host and port only: for a link the SDK refuses to
    /// follow, whose path and query are the server's text and may hold anything (the key it was sent, echoed).
    /// </summary>
    public static string DescribeOrigin(Uri target) =>
        target.IsAbsoluteUri ? target.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) : "(a relative link)";

    /// <summary>
    /// A success answer, read whole into a pooled buffer and made from it by <paramref name="reader"/> (an endpoint reads
    /// JSON: <see cref="WireEndpoint{TBody, TAnswer}.Read"/>). Not the serializer's stream reading: that compiles an
    /// asynchronous machinery of its own at a process's first answer (some 20 methods at start-up), where a payment API's
    /// answers are a few hundred bytes. A body that ends early throws as the stream reading does (an
    /// <see cref="IOException"/> from the connection, a <see cref="JsonException"/> whose inner exception is the
    /// reader's); a body over <see cref="MaxAnswerBytes"/> throws <see cref="InvalidDataException"/> (its message reads
    /// after "the answer") without being read further.
    /// </summary>
    public static async ValueTask<T?> ReadAnswerAsync<T>(HttpContent content, IAnswerReader<T> reader, CancellationToken cancellationToken)
        where T : class
    {
        if (content.Headers.ContentLength > MaxAnswerBytes)
        {
            throw new InvalidDataException($"announces {content.Headers.ContentLength} bytes, more than the {MaxAnswerBytes / (1024 * 1024)} MiB the SDK reads.");
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // One byte more than announced, so that the read that finds the end does not grow the buffer.
            var buffer = ArrayPool<byte>.Shared.Rent(content.Headers.ContentLength is { } length and >= 0 and < 1024 * 1024 ? (int)length + 1 : 4096);
            try
            {
                var read = 0;
                while (true)
                {
                    if (read == buffer.Length)
                    {
                        if (read >= MaxAnswerBytes)
                        {
                            throw new InvalidDataException($"is larger than {MaxAnswerBytes / (1024 * 1024)} MiB, the most the SDK reads.");
                        }

                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, read).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var count = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                    if (count == 0)
                    {
                        return reader.Read(buffer.AsSpan(0, read));
                    }

                    read += count;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// The most of a success body that is read (16 MiB, far above any page of any provider's answers): a server that
    /// sends more, or without end, gets <see cref="InvalidDataException"/> (a transport error to the caller) instead of
    /// growing the buffer until the process runs out of memory.
    /// </summary>
    public const int MaxAnswerBytes = 16 * 1024 * 1024;

    /// <summary>The most of an error body that is read (64 KiB): enough for any error document, and only an excerpt is quoted.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> bytes of <paramref name="content"/> as UTF-8 text (a character cut at the
    /// bound becomes U+FFFD); the rest is left unread, and the connection is not reused.
    /// </summary>
    public static async Task<string> ReadBoundedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[Math.Min(maxBytes, content.Headers.ContentLength is { } length and >= 0 and < int.MaxValue ? (int)length : maxBytes)];
            var read = 0;
            while (read < buffer.Length)
            {
                var count = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    break;
                }

                read += count;
            }

            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
    }
}
