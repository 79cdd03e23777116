using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Polly;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Http;

/// <summary>
/// One API call on its way through <see cref="ApiPipeline{TOptions}"/>: the state its attempts share (no ambient state),
/// the attempt itself, and the reading of the answer into <see cref="CallFacts"/>. Its deadline (the call's limit, a
/// query's total or a push's one) also bounds reading the answer, and a query's first attempt (see <see cref="CallDeadline"/>).
/// Provider-neutral: every provider package builds on it.
/// </summary>
/// <typeparam name="TOptions">The provider's options.</typeparam>
/// <typeparam name="TAnswer">The answer's type.</typeparam>
internal sealed class ApiCall<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TAnswer>(ApiPipeline<TOptions> pipeline, IWireEndpoint<TAnswer> endpoint, Uri uri, byte[]? body, CallSubject subject, TOptions options, IAnswerObserver? observer, CancellationToken cancellationToken) : IDisposable
    where TOptions : class, IPipelineOptions
    where TAnswer : class
{
    // A field, never copied (a mutable struct): a query's first attempt ends in it (EndFirstAttempt).
    private CallDeadline _deadline = endpoint.IsQuery
        ? new CallDeadline(pipeline.Time, options.Timeouts.GetTotal, options.Timeouts.GetAttempt, cancellationToken)
        : new CallDeadline(pipeline.Time, options.Timeouts.Post, cancellationToken);

    private int _attempts;
    private int? _statusCode;
    private object? _document;
    private JsonException? _readError;
    private string? _body;
    private Exception? _error;

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Whether the call is a query (retried when transient; its attempts have a limit of their own).</summary>
    public bool IsQuery => endpoint.IsQuery;

    /// <summary>The SDK's name of the operation.</summary>
    public string Operation => endpoint.Name;

    /// <summary>The request's path, the retry strategy's operation key.</summary>
    public string RequestPath => endpoint.RequestPath;

    /// <summary>The caller's reference of the transaction, for telemetry.</summary>
    public string? Reference => subject.Reference;

    /// <summary>The settings the call started with.</summary>
    public TOptions Options => options;

    /// <summary>The call's token: the caller's, and its limit; get it again after <see cref="EndFirstAttempt"/>.</summary>
    public CancellationToken Token => _deadline.Token;

    /// <summary>A cancellation caused by the call's limit, as the <see cref="Polly.Timeout.TimeoutRejectedException"/> the classifiers know.</summary>
    public Exception? Translate(Exception? error) => _deadline.Translate(error);

    /// <summary>A query's first attempt is over: only the call's total limit counts from now on (<see cref="CallDeadline.EndFirstAttempt"/>).</summary>
    public void EndFirstAttempt() => _deadline.EndFirstAttempt();

    /// <summary>The answer, once read; <see langword="null"/> for an answer without a body (204).</summary>
    public TAnswer? Answer { get; private set; }

    /// <summary>
    /// One attempt, as the retry and breaker strategies run it (a query's retries, and its first attempt while the circuit
    /// is not closed); the pipeline makes a first attempt with the same steps inline (<see cref="ApiPipeline{TOptions}"/>).
    /// The attempt's own limit: a retry's is a source linked to the call's; the first one's is the call's own source, armed
    /// for it (<see cref="CallDeadline"/>). Never throws: a failure is the outcome.
    /// </summary>
    public async ValueTask<Outcome<HttpResponseMessage>> SendOnceAsync(CancellationToken callToken)
    {
        // A query's attempt has a limit of its own, inside the call's total: a slow attempt is retried.
        var retried = Attempts > 0;
        using var attempt = endpoint.IsQuery && retried ? new CallDeadline(pipeline.Time, options.Timeouts.GetAttempt, callToken) : default;
        var cancellationToken = endpoint.IsQuery && retried ? attempt.Token : callToken;
        HttpResponseMessage? response = null;
        try
        {
            var request = NewAttempt();
            await pipeline.AuthenticateAsync(request, options, cancellationToken).ConfigureAwait(false);
            response = await pipeline.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            await ReceivedAsync(response, cancellationToken).ConfigureAwait(false);
            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            return Failed(ex, response, attempt);
        }
    }

    /// <summary>
    /// An attempt's request: the <c>User-Agent</c>, <c>Content-Type: application/json</c> exactly (SUNBAY's sandbox
    /// refuses a charset); the provider's own headers and key come next (<see cref="ApiPipeline{TOptions}.AuthenticateAsync"/>;
    /// SUNBAY's <c>X-Client-Request-Id</c> is SUNBAY's only).
    /// </summary>
    public HttpRequestMessage NewAttempt()
    {
        Interlocked.Increment(ref _attempts);
        var request = new HttpRequestMessage(endpoint.Method, uri);
        var headers = request.Headers;
        headers.TryAddWithoutValidation("User-Agent", pipeline.UserAgent);
        headers.TryAddWithoutValidation("Accept", "application/json");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = PipelineHttp.JsonContentType } };
        }
        else if (!endpoint.IsQuery)
        {
            // SocketsHttpHandler sends a request without content again, on a new connection, when a kept-alive
            // connection closes before any answer: a cancel or a key revoke would reach the provider twice. Once
            // it has sent content (even none: Content-Length: 0) it never does; the loss is then outcome unknown.
            request.Content = new ByteArrayContent([]);
        }

        return request;
    }

    /// <summary>
    /// An attempt's answer arrived: its status and <c>Date</c>, a redirect refused (throws). A query's answer is read
    /// inside the attempt, so that a connection cut mid-body, or a body that is not complete JSON, fails this attempt and
    /// the retry strategy can try again.
    /// </summary>
    /// <param name="response">The attempt's answer.</param>
    /// <param name="cancellationToken">The attempt's token.</param>
    public ValueTask ReceivedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        _statusCode = status;
        pipeline.ServerClock.Observe(response, pipeline.Time);
        PipelineHttp.ThrowOnRedirect(uri, endpoint.Method, response, options.ApiKey);
        return endpoint.IsQuery && pipeline.IsAnswer(status) ? ReadAnswerAsync(response, cancellationToken) : default;
    }

    /// <summary>
    /// An attempt that threw, as its outcome: its answer, if any, released; a cancellation caused by a limit named as that
    /// limit's timeout (<paramref name="attempt"/>'s, else the call's), so that the breaker counts a timeout as the failure
    /// it is, and the retry retries it.
    /// </summary>
    public Outcome<HttpResponseMessage> Failed(Exception error, HttpResponseMessage? response, in CallDeadline attempt)
    {
        response?.Dispose();
        return Outcome.FromException<HttpResponseMessage>(_deadline.Translate(attempt.Translate(error))!);
    }

    /// <summary>
    /// A query's attempt through the breaker (open: not sent; half-open: the probe, or not sent; counted either way): a
    /// first attempt while the circuit is not closed, and every retry.
    /// </summary>
    /// <param name="breaker">The client's breaker.</param>
    /// <param name="token">The attempt's token.</param>
    public ValueTask<Outcome<HttpResponseMessage>> SendThroughBreakerAsync(CallBreaker breaker, CancellationToken token) =>
        breaker.RunAsync(this, static (call, token) => call.SendOnceAsync(token), token);

    /// <summary>The retry strategy's state: <paramref name="first"/> handed back as its first attempt's outcome (<see cref="Retries.NextAttemptAsync"/>); further attempts run through <paramref name="breaker"/>.</summary>
    /// <param name="first">The outcome of the attempt already made (and counted by the breaker).</param>
    /// <param name="breaker">The client's breaker.</param>
    public Retries Replaying(Outcome<HttpResponseMessage> first, CallBreaker breaker) => new(this, first, breaker);

    /// <summary>
    /// Reads what the call's answer holds, once the strategies gave up or accepted one: a push's answer, or the error
    /// document of a failure; <see cref="Facts"/> then says what the call ended with: with <paramref name="error"/>, or
    /// with a push's answer that was cut or not waited for.
    /// </summary>
    /// <param name="response">The answer the strategies accepted, if any.</param>
    /// <param name="error">What the strategies ended with instead, if anything.</param>
    public async ValueTask ReadAsync(HttpResponseMessage? response, Exception? error)
    {
        _error = error;
        try
        {
            var answered = _statusCode is { } status && pipeline.IsAnswer(status);
            if (error is null && response is not null && answered && !endpoint.IsQuery)
            {
                await ReadAnswerAsync(response, _deadline.Token).ConfigureAwait(false);
            }
            else if (error is null && response is not null && !answered)
            {
                // A failure quotes the answer and reads what the provider said in it, when it said anything: up to a
                // bound, as only an excerpt is quoted and a huge body must not be held in memory whole.
                _body = await PipelineHttp.ReadBoundedAsync(response.Content, PipelineHttp.MaxErrorBodyBytes, _deadline.Token).ConfigureAwait(false);
                _document = pipeline.ReadError(_statusCode ?? 0, _body);
            }
        }
        catch (Exception ex) when (ex is not JsonException)
        {
            // The body of a push was cut, or the caller or the limit ended the wait for it: the push may have been acted on.
            _error = _deadline.Translate(ex);
        }
    }

    /// <summary>
    /// What the call ended with, once read (<see cref="ReadAsync"/>); built here, not awaited: a large struct awaited, or
    /// any result, sits in the caller's state machine, which a socket's answer boxes on every call.
    /// </summary>
    /// <param name="cancellationToken">The caller's token.</param>
    public CallFacts Facts(CancellationToken cancellationToken) => new(
        endpoint.Name, !endpoint.IsQuery, subject, _statusCode, _document, _body, _readError, _error,
        cancellationToken.IsCancellationRequested, pipeline.IsDisposed, pipeline.ServerClock.Offset, options.ApiKey);

    /// <summary>Ends the call's limit.</summary>
    public void Dispose() => _deadline.Dispose();

    /// <summary>
    /// Why a successful answer cannot be used although it was read: an operation that answers a body got none (204, or
    /// JSON <c>null</c>), or a list answer holds <c>null</c>. The provider's classifier reports it like any answer that
    /// could not be read (outcome unknown on a push), instead of the caller meeting a null.
    /// </summary>
    private JsonException? MissingAnswer()
    {
        if (typeof(TAnswer) == typeof(NoBody))
        {
            return null;
        }

        if (Answer is null)
        {
            return new JsonException($"The answer to {endpoint.Method} {endpoint.RequestPath} (HTTP {_statusCode}) has no body, and the operation answers one.");
        }

        if (Answer is System.Collections.IEnumerable items and not string)
        {
            foreach (var item in items)
            {
                if (item is null)
                {
                    return new JsonException($"The answer to {endpoint.Method} {endpoint.RequestPath} is a list that holds null.");
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a successful answer from the stream. A body that is not JSON at all (empty, cut, garbled: the reader's own
    /// error) is a transport failure worth another attempt; well-formed JSON that does not fit the wire type is kept as
    /// the read error, as asking again would get the same answer. A 204 has no body to read (RFC 9110).
    /// </summary>
    private async ValueTask ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            if (_statusCode == 204)
            {
                Answer = null;
            }
            else
            {
                // Plain text where the provider allows it (read as bounded as JSON), JSON otherwise.
                IAnswerReader<TAnswer> reader = pipeline.PlainTextAnswer(endpoint, response) is { } fromText
                    ? new TextAnswer(fromText, response.Content)
                    : endpoint;
                Answer = await PipelineHttp.ReadAnswerAsync(response.Content, reader, cancellationToken).ConfigureAwait(false);
            }

            _document = Answer;
            _readError = MissingAnswer(); // an earlier attempt's garbled body says nothing about this one
            observer?.Observe(response);
        }
        catch (JsonException ex) when (ex.InnerException is JsonException)
        {
            throw new HttpRequestException(HttpRequestError.InvalidResponse, $"The answer to {endpoint.Method} {endpoint.RequestPath} is not complete JSON.", ex, response.StatusCode);
        }
        catch (JsonException ex)
        {
            _readError = ex;
        }
        catch (InvalidDataException ex)
        {
            throw new HttpRequestException(HttpRequestError.InvalidResponse, $"The answer to {endpoint.Method} {endpoint.RequestPath} {ex.Message}", ex, response.StatusCode);
        }
        catch (IOException ex)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, $"The answer to {endpoint.Method} {endpoint.RequestPath} was cut: {ex.Message}", ex, response.StatusCode);
        }
    }

    /// <summary>
    /// A query's retries, made by the retry strategy: the first attempt's outcome, once (it was sent and counted before the
    /// strategy was entered); then new attempts through the breaker, as the retry and the breaker composed one after
    /// the other do. Only a query that failed transiently at its first attempt allocates one.
    /// </summary>
    internal sealed class Retries(ApiCall<TOptions, TAnswer> call, Outcome<HttpResponseMessage> first, CallBreaker breaker)
    {
        private bool _replayed;

        public ValueTask<Outcome<HttpResponseMessage>> NextAttemptAsync(ResilienceContext context)
        {
            if (!_replayed)
            {
                _replayed = true;
                return new(first);
            }

            return call.SendThroughBreakerAsync(breaker, context.CancellationToken);
        }
    }

    /// <summary>An answer made from a plain-text body, decoded in the charset it declares (UTF-8 when none or an unknown one).</summary>
    private sealed class TextAnswer(Func<string, TAnswer> make, HttpContent content) : IAnswerReader<TAnswer>
    {
        private readonly System.Text.Encoding _encoding = EncodingOf(content);

        public TAnswer? Read(ReadOnlySpan<byte> body) =>
            make(_encoding.GetString(body.StartsWith(_encoding.Preamble) ? body[_encoding.Preamble.Length..] : body));

        private static System.Text.Encoding EncodingOf(HttpContent content)
        {
            try
            {
                return content.Headers.ContentType?.CharSet is { Length: > 0 } charset
                    ? System.Text.Encoding.GetEncoding(charset.Trim('"'))
                    : System.Text.Encoding.UTF8;
            }
            catch (ArgumentException)
            {
                return System.Text.Encoding.UTF8;
            }
        }
    }
}
