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
            // Reading buffers the content: the generated client reads it again from memory.
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!IsJson(body))
            {
                throw new HttpRequestException(HttpRequestError.InvalidResponse, $"The answer to GET {request.RequestUri?.AbsolutePath} is not complete JSON ({body.Length} bytes).", statusCode: response.StatusCode);
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
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
