using System.Globalization;
using System.Text.Json;
using Polly;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Http;

/// <summary>
/// One API call on its way through <see cref="SunbayPipeline"/>: the state its attempts share (no ambient state), the
/// attempt itself, and the reading of the answer into <see cref="CallFacts"/>. Its <c>deadline</c> (the call's limit)
/// also bounds reading the answer.
/// </summary>
/// <typeparam name="TAnswer">The answer's envelope type.</typeparam>
internal sealed class SunbayCall<TAnswer>(SunbayPipeline pipeline, IWireEndpoint<TAnswer> endpoint, Uri uri, byte[]? body, string? transactionRequestId, SunbayClientOptions options, SunbayDeadline deadline)
    where TAnswer : ApiEnvelope
{
    private int _attempts;
    private int? _statusCode;
    private ApiEnvelope? _envelope;
    private JsonException? _readError;

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The answer, once read.</summary>
    public TAnswer? Answer { get; private set; }

    /// <summary>
    /// One attempt: a fresh <c>X-Client-Request-Id</c>, a 13-digit <c>X-Timestamp</c>, <c>Content-Type: application/json</c>
    /// exactly (the sandbox refuses a charset), the <c>User-Agent</c> and the key. A query's answer is read inside the
    /// attempt, so that a connection cut mid-body, or a body that is not complete JSON, fails this attempt and the
    /// retry strategy can try again. Never throws: a failure is the outcome.
    /// </summary>
    public async ValueTask<Outcome<HttpResponseMessage>> SendOnceAsync(CancellationToken callToken)
    {
        Interlocked.Increment(ref _attempts);
        HttpResponseMessage? response = null;

        // A query's attempt has a limit of its own, inside the call's total: a slow attempt is retried.
        using var attempt = endpoint.IsQuery ? new SunbayDeadline(pipeline.Time, options.Timeouts.GetAttempt, callToken) : default;
        var cancellationToken = endpoint.IsQuery ? attempt.Token : callToken;
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

            await pipeline.Signer.SignAsync(request, options, cancellationToken).ConfigureAwait(false);
            response = await pipeline.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            _statusCode = (int)response.StatusCode;
            if (SunbayHttp.ReadDate(response) is { } serverDate)
            {
                pipeline.ServerClock.Observe(serverDate, pipeline.Time.GetUtcNow());
            }

            SunbayHttp.ThrowOnRedirect(uri, endpoint.Method, response);
            if (endpoint.IsQuery && _statusCode == 200)
            {
                await ReadAnswerAsync(response, cancellationToken).ConfigureAwait(false);
            }

            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            response?.Dispose();
            // Each limit names itself, so that the breaker counts a timeout as the failure it is, and the retry retries it.
            return Outcome.FromException<HttpResponseMessage>(deadline.Translate(attempt.Translate(ex))!);
        }
    }

    /// <summary>What the call ended with, once the strategies gave up or accepted an answer.</summary>
    /// <param name="response">The answer the strategies accepted, if any.</param>
    /// <param name="error">What the strategies ended with instead, if anything.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public async ValueTask<CallFacts> ReadAsync(HttpResponseMessage? response, Exception? error, CancellationToken cancellationToken)
    {
        string? text = null;
        try
        {
            if (error is null && response is not null && _statusCode == 200 && !endpoint.IsQuery)
            {
                await ReadAnswerAsync(response, deadline.Token).ConfigureAwait(false);
            }
            else if (error is null && response is not null && _statusCode != 200)
            {
                // A failure quotes the answer and reads what SUNBAY said in it, when it said anything.
                text = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
                _envelope = TryReadEnvelope(text);
            }
        }
        catch (Exception ex) when (ex is not JsonException)
        {
            // The body of a push was cut, or the caller or the limit ended the wait for it: the push may have been acted on.
            error = deadline.Translate(ex);
        }

        return new CallFacts(
            endpoint.Name, !endpoint.IsQuery, transactionRequestId, _statusCode, _envelope, text, _readError, error,
            cancellationToken.IsCancellationRequested, pipeline.IsDisposed, pipeline.ServerClock.Offset, options.ApiKey);
    }

    /// <summary>
    /// Reads a 200 answer from the stream. A body that is not JSON at all (empty, cut, garbled: the reader's own error)
    /// is a transport failure worth another attempt; well-formed JSON that does not fit the wire type is kept as the
    /// read error, as asking again would get the same answer.
    /// </summary>
    private async ValueTask ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                Answer = await JsonSerializer.DeserializeAsync(stream, endpoint.Answer, cancellationToken).ConfigureAwait(false);
            }

            _envelope = Answer;
            _readError = null; // an earlier attempt's garbled body says nothing about this one
        }
        catch (JsonException ex) when (ex.InnerException is JsonException)
        {
            throw new HttpRequestException(HttpRequestError.InvalidResponse, $"The answer to {endpoint.Method} {endpoint.RequestPath} is not complete JSON.", ex, response.StatusCode);
        }
        catch (JsonException ex)
        {
            _readError = ex;
        }
        catch (IOException ex)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, $"The answer to {endpoint.Method} {endpoint.RequestPath} was cut: {ex.Message}", ex, response.StatusCode);
        }
    }

    private static ApiEnvelope? TryReadEnvelope(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, SunbayWireJsonContext.Default.ApiEnvelope);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
