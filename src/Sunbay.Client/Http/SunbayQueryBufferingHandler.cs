using System.Buffers;
using System.Text.Json;

namespace Sunbay.Client.Http;

/// <summary>
/// Reads the whole body of a query (GET) answer inside the attempt and checks that it is JSON, so that a connection cut
/// mid-body, a truncated, empty or malformed body fails the attempt itself, and the retry layer around it retries the
/// query like any other transient failure. Without it the body would be read after the retry layer had already
/// accepted the 200. POST answers are left alone: a push is never retried, whatever its body.
/// </summary>
internal sealed class SunbayQueryBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Method != HttpMethod.Get || !response.IsSuccessStatusCode)
        {
            return response;
        }

        try
        {
            var length = await BufferAndValidateAsync(response.Content, cancellationToken).ConfigureAwait(false);
            if (length < 0)
            {
                throw new HttpRequestException(HttpRequestError.InvalidResponse, $"The answer to GET {request.RequestUri?.AbsolutePath} is not complete JSON ({-length - 1} bytes).", statusCode: response.StatusCode);
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Buffers the body and checks it: its length when it is JSON, <c>-(length + 1)</c> when it is not.</summary>
    private static async Task<int> BufferAndValidateAsync(HttpContent content, CancellationToken cancellationToken)
    {
#if NET9_0_OR_GREATER
        // Buffer once, then check a pooled copy: the generated client reads the buffered stream again from the start.
        await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var length = (int)stream.Length;
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            stream.ReadExactly(rented, 0, length);
            stream.Position = 0;
            return IsJson(rented.AsSpan(0, length)) ? length : -length - 1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
#else
        // .NET 8 has no cancellable LoadIntoBufferAsync; ReadAsByteArrayAsync buffers (cancellably) and copies.
        var body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return IsJson(body) ? body.Length : -body.Length - 1;
#endif
    }

    private static bool IsJson(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
                // Reading to the end validates the whole document.
            }

            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
