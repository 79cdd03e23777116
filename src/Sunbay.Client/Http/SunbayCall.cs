using System.Globalization;
using System.Text;
using System.Text.Json;
using Polly;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Http;

/// <summary>
/// One API call on its way through <see cref="SunbayPipeline"/>: the state its attempts share (no ambient state), the
/// attempt itself, and the reading of the answer into <see cref="CallFacts"/>.
/// </summary>
/// <typeparam name="TAnswer">The answer's envelope type.</typeparam>
internal sealed class SunbayCall<TAnswer>(SunbayPipeline pipeline, IWireEndpoint<TAnswer> endpoint, Uri uri, byte[]? body, string? transactionRequestId, SunbayClientOptions options)
    where TAnswer : ApiEnvelope
{
    private int _attempts;
    private int? _statusCode;
    private Exception? _readError;

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The answer, once read.</summary>
    public TAnswer? Answer { get; private set; }

    /// <summary>
    /// One attempt: a fresh <c>X-Client-Request-Id</c>, a 13-digit <c>X-Timestamp</c>, <c>Content-Type: application/json</c>
    /// exactly (the sandbox refuses a charset), the <c>User-Agent</c> and the key, then the whole answer read inside the
    /// attempt, so that a connection cut mid-body, or a query answer that is not complete JSON, fails this attempt and
    /// the query's retry strategy can try again. Never throws: a failure is the outcome.
    /// </summary>
    public async ValueTask<Outcome<HttpResponseMessage>> SendOnceAsync(ResilienceContext context)
    {
        Interlocked.Increment(ref _attempts);
        HttpResponseMessage? response = null;
        try
        {
            var request = new HttpRequestMessage(endpoint.Method, uri);
            var headers = request.Headers;
            headers.TryAddWithoutValidation(SunbayHeaders.ClientRequestId, Guid.NewGuid().ToString("D"));
            headers.TryAddWithoutValidation(SunbayHeaders.Timestamp, pipeline.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString("D13", CultureInfo.InvariantCulture));
            headers.TryAddWithoutValidation("User-Agent", SunbayUserAgent.HeaderValue);
            headers.TryAddWithoutValidation("Accept", "application/json");
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body) { Headers = { ContentType = SunbayHttp.JsonContentType } };
            }

            await pipeline.Signer.SignAsync(request, options, context.CancellationToken).ConfigureAwait(false);
            response = await pipeline.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, context.CancellationToken).ConfigureAwait(false);
            _statusCode = (int)response.StatusCode;
            if (SunbayHttp.ReadDate(response) is { } serverDate)
            {
                pipeline.ServerClock.Observe(serverDate, pipeline.Time.GetUtcNow());
            }

            SunbayHttp.ThrowOnRedirect(uri, endpoint.Method, response);
            if (endpoint.IsQuery && _statusCode == 200 && !TryParse(response))
            {
                throw new HttpRequestException(HttpRequestError.InvalidResponse, $"The answer to GET {endpoint.Path} is not complete JSON.", _readError, response.StatusCode);
            }

            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            response?.Dispose();
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }

    /// <summary>What the call ended with, after the strategies gave up or accepted an answer.</summary>
    public CallFacts Read(HttpResponseMessage? response, Exception? error, bool callerCancelled)
    {
        string? text = null;
        if (error is null && response is not null && Answer is null && _readError is null)
        {
            TryParse(response);
        }

        if (error is null && (_statusCode != 200 || _readError is not null || Answer?.Code != "0"))
        {
            // A failure quotes the answer: read it as text only then.
            text = response is null ? null : Encoding.UTF8.GetString(Body(response));
        }

        return new CallFacts(endpoint.Name, !endpoint.IsQuery, transactionRequestId, _statusCode, Answer, text, _statusCode == 200 ? _readError : null, error, callerCancelled, pipeline.IsDisposed, pipeline.ServerClock.Offset, options.ApiKey);
    }

    /// <summary>Reads the buffered body as <typeparamref name="TAnswer"/>; false when it is not complete JSON (worth another attempt).</summary>
    private bool TryParse(HttpResponseMessage response)
    {
        _readError = null; // an earlier attempt's garbled body says nothing about this one
        try
        {
            Answer = JsonSerializer.Deserialize(Rewound(response), endpoint.Answer);
            return true;
        }
        catch (JsonException ex)
        {
            _readError = ex;
            return IsCompleteJson(Body(response));
        }
    }

    /// <summary>The buffered body from its start (HttpCompletionOption.ResponseContentRead buffered it inside the attempt).</summary>
    private static Stream Rewound(HttpResponseMessage response)
    {
        var stream = response.Content.ReadAsStream();
        if (stream.CanSeek)
        {
            stream.Position = 0;
        }

        return stream;
    }

    private static byte[] Body(HttpResponseMessage response)
    {
        using var copy = new MemoryStream();
        Rewound(response).CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Well-formed JSON that does not fit the wire type is a different failure from a cut or garbled body.</summary>
    private static bool IsCompleteJson(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
