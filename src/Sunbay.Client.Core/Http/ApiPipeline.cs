using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Sunbay.Client.Telemetry;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Http;

/// <summary>
/// The one path every API call of every provider takes, whether the client came from dependency injection or from its
/// constructor: the resilience strategies of its kind of request (queries: total limit, retry, breaker, attempt limit;
/// anything else: one limit, never a retry, not sent while the breaker is open), one <see cref="ApiCall{TOptions, TAnswer}"/>
/// per attempt (headers, key, send, read), then the provider's classifier and <see cref="CallScope"/>. Built once per
/// client; the strategies are rebuilt when the options are reloaded.
/// </summary>
/// <remarks>
/// What differs between providers is what a derived pipeline says in its abstract members (SUNBAY:
/// <c>SunbayPipeline</c>): which statuses are answers, its headers and authentication, how an error body reads, what
/// a finished call means, and its telemetry names. They are plain virtual calls: a call costs no allocation for them.
/// This file is provider-neutral: every provider package builds on it.
/// </remarks>
/// <typeparam name="TOptions">The provider's options.</typeparam>
internal abstract class ApiPipeline<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions> : IDisposable
    where TOptions : class, IPipelineOptions
{
    private readonly string _name;
    private readonly IOptionsMonitor<TOptions> _options;
    private readonly CallBreaker _breaker;
    private readonly bool _ownsHttp;
    private Strategies? _strategies;
    private int _disposed;

    /// <param name="name">The client's name (the options name).</param>
    /// <param name="http">Sends one attempt; its handlers stop at the network (no retry of its own).</param>
    /// <param name="options">The client's settings, read at each call.</param>
    /// <param name="time">Clock of timestamps, timeouts and retry delays.</param>
    /// <param name="logger">The client's logger.</param>
    /// <param name="breaker">The circuit breaker shared by queries and pushes of this client.</param>
    /// <param name="telemetry">The provider's activity, metrics and log lines of a call.</param>
    /// <param name="ownsHttp">Whether <see cref="Dispose"/> disposes <paramref name="http"/>.</param>
    /// <param name="product">The provider package named in the <c>User-Agent</c>; the derived pipeline's by default.</param>
    protected ApiPipeline(string name, HttpClient http, IOptionsMonitor<TOptions> options, TimeProvider time, ILogger logger, CallBreaker breaker, CallTelemetry telemetry, bool ownsHttp, System.Reflection.Assembly? product = null)
    {
        _name = name;
        _options = options;
        _breaker = breaker;
        _ownsHttp = ownsHttp;
        Http = http;
        Time = time;
        Logger = logger;
        Telemetry = telemetry;
        UserAgent = ProductUserAgent.HeaderValueOf(product ?? GetType().Assembly);
        Http.Timeout = Timeout.InfiniteTimeSpan; // the strategies own time limits, per kind of request
    }

    public HttpClient Http { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public CallTelemetry Telemetry { get; }

    /// <summary>The <c>User-Agent</c> of every attempt: the provider package (the assembly of the derived pipeline).</summary>
    public string UserAgent { get; }

    /// <summary>The provider's clock as seen in its <c>Date</c> headers, for a clock-skew error.</summary>
    public ServerClock ServerClock { get; } = new();

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>The settings now; a reload that failed validation is the SDK's own <see cref="PaymentsConfigurationException"/>.</summary>
    public TOptions Options
    {
        get
        {
            try
            {
                return _options.Get(_name);
            }
            catch (OptionsValidationException ex)
            {
                throw new PaymentsConfigurationException([.. ex.Failures], ex);
            }
        }
    }

    /// <summary>Whether <paramref name="statusCode"/> is a successful answer whose body is the operation's answer (SUNBAY: 200 only).</summary>
    public abstract bool IsAnswer(int statusCode);

    /// <summary>Adds the provider's own headers and its authentication to one attempt, after the common headers and the body.</summary>
    /// <param name="request">The attempt's request.</param>
    /// <param name="options">The settings the call started with.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    public abstract ValueTask AuthenticateAsync(HttpRequestMessage request, TOptions options, CancellationToken cancellationToken);

    /// <summary>The provider's error document in the body of a failed answer (SUNBAY's envelope, CM.com's problem), or null.</summary>
    /// <param name="statusCode">The failed answer's HTTP status.</param>
    /// <param name="body">Its text, read up to a bound.</param>
    public abstract object? ReadError(int statusCode, string body);

    /// <summary>What the finished call means: <see langword="null"/> for success, or the SDK's exception to throw.</summary>
    public abstract Exception? Classify(in CallFacts facts);

    /// <summary>
    /// Whether a failed call is a lookup's answer "there is no such transaction": still the exception
    /// <see cref="Classify"/> gave (the caller decides what absence means), but recorded as <c>not_found</c>, not as a
    /// failure, in metrics, spans and logs. None by default.
    /// </summary>
    /// <param name="facts">The finished call.</param>
    /// <param name="options">The settings the call started with.</param>
    public virtual bool IsNotFound(in CallFacts facts, TOptions options) => false;

    /// <summary>The exception of a call made on a disposed client.</summary>
    public abstract Exception Disposed(string operation, in CallSubject subject);

    /// <summary>
    /// Reads a successful answer that is plain text instead of JSON, where the provider allows one for the operation:
    /// the answer built from the text, or <see langword="null"/> to read JSON. None by default (SUNBAY always answers JSON).
    /// </summary>
    public virtual Func<string, TAnswer>? PlainTextAnswer<TAnswer>(IWireEndpoint<TAnswer> endpoint, HttpResponseMessage response)
        where TAnswer : class => null;

    /// <summary>Sends one API call and returns its answer, or throws the SDK's typed exception for it.</summary>
    /// <param name="endpoint">The operation.</param>
    /// <param name="url">Its relative URL (the path, with the query string of a query).</param>
    /// <param name="body">The request body; null for none.</param>
    /// <param name="subject">What the call is about, for errors and telemetry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer; <see langword="null"/> for a successful answer without a body (204).</returns>
    public Task<TAnswer> SendAsync<TAnswer>(IWireEndpoint<TAnswer> endpoint, string url, object? body, CallSubject subject, CancellationToken cancellationToken)
        where TAnswer : class =>
        SendAsync(endpoint, url, body, subject, observer: null, cancellationToken);

    /// <summary>Sends one API call, showing its successful answer to <paramref name="observer"/>; see <see cref="SendAsync{TAnswer}(IWireEndpoint{TAnswer}, string, object?, CallSubject, CancellationToken)"/>.</summary>
    /// <param name="endpoint">The operation.</param>
    /// <param name="url">Its relative URL (the path, with the query string of a query).</param>
    /// <param name="body">The request body; null for none.</param>
    /// <param name="subject">What the call is about, for errors and telemetry.</param>
    /// <param name="observer">Reads the successful answer's headers, if given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<TAnswer> SendAsync<TAnswer>(IWireEndpoint<TAnswer> endpoint, string url, object? body, CallSubject subject, IAnswerObserver? observer, CancellationToken cancellationToken)
        where TAnswer : class
    {
        // Everything before the first await is done here, and the call goes on in RunAsync with what it needs after that:
        // an async method keeps all its parameters in its state machine, which a socket's answer boxes on every call.
        ApiCall<TOptions, TAnswer> call;
        Strategies strategies;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsDisposed)
            {
                throw Disposed(endpoint.Name, subject);
            }

            var options = Options;
            strategies = StrategiesFor(options);
            call = new ApiCall<TOptions, TAnswer>(this, endpoint, new Uri(strategies.BaseAddress, url), body is null ? null : endpoint.Serialize(body), subject, options, observer, cancellationToken);
        }
        catch (Exception ex)
        {
            return FailedAsync<TAnswer>(ex);
        }

        return RunAsync(call, strategies, cancellationToken);
    }

    /// <summary>Ends every call in progress; with a client of its own, releases its connections.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHttp)
        {
            Http.Dispose();
        }
    }

    /// <summary>
    /// A failure before the call started, in the returned task as an async method leaves it (a cancellation as a cancelled
    /// task, the exception itself when awaited), never thrown by <see cref="SendAsync{TAnswer}(IWireEndpoint{TAnswer}, string, object?, CallSubject, IAnswerObserver?, CancellationToken)"/> itself.
    /// </summary>
    private static async Task<TAnswer> FailedAsync<TAnswer>(Exception error) =>
        await Task.FromException<TAnswer>(error).ConfigureAwait(false);

    /// <summary>The call, from its first attempt to its answer or the SDK's exception for it.</summary>
    /// <param name="call">The call, built.</param>
    /// <param name="strategies">What was built from the settings the call started with (the query retry strategy).</param>
    /// <param name="cancellationToken">The caller's token.</param>
    private async Task<TAnswer> RunAsync<TAnswer>(ApiCall<TOptions, TAnswer> call, Strategies strategies, CancellationToken cancellationToken)
        where TAnswer : class
    {
        using var disposes = call;
        var scope = new CallScope(Telemetry, call.Operation, call.Reference, Time, Logger);
        Outcome<HttpResponseMessage> outcome;
        if (call.IsQuery ? _breaker.IsClosed : !_breaker.RejectsPushes)
        {
            // The attempt (a push's only one, a query's first), inline: an awaited helper would cost its own state machine
            // on every call. The same steps as ApiCall.SendOnceAsync, whose attempts the strategies make; the call's token
            // bounds it (a query's: armed for the attempt's limit, CallDeadline).
            HttpResponseMessage? sent = null;
            try
            {
                var request = call.NewAttempt();
                await AuthenticateAsync(request, call.Options, call.Token).ConfigureAwait(false);
                sent = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, call.Token).ConfigureAwait(false);
                await call.ReceivedAsync(sent, call.Token).ConfigureAwait(false);
                outcome = Outcome.FromResult(sent);
            }
            catch (Exception ex)
            {
                outcome = call.Failed(ex, sent, default);
            }

            if (call.IsQuery)
            {
                // Sent while the circuit was closed: the breaker counts it now.
                _breaker.Record(outcome, probe: false);
            }
        }
        else
        {
            // An open circuit: a push is not sent; a query's attempt runs through the breaker (open: not sent; half-open:
            // the probe, or not sent).
            outcome = call.IsQuery
                ? await call.SendThroughBreakerAsync(_breaker, call.Token).ConfigureAwait(false)
                : Outcome.FromException<HttpResponseMessage>(new BrokenCircuitException("The circuit is open: the push was not sent."));
        }

        if (call.IsQuery)
        {
            call.EndFirstAttempt();
            if (strategies.Retries && PipelineResilience.IsTransient(outcome))
            {
                outcome = await RetryAsync(call, strategies.Retry, outcome).ConfigureAwait(false);
            }
        }

        using var response = outcome.Result;
        await call.ReadAsync(response, call.Translate(outcome.Exception)).ConfigureAwait(false);
        var facts = call.Facts(cancellationToken);
        var error = Classify(facts);
        scope.Complete(facts, call.Attempts, error, notFound: error is not null && IsNotFound(facts, call.Options));
        return error is null ? call.Answer! : throw error;
    }

    /// <summary>
    /// A query's retries, after a first attempt that failed transiently: the strategy is handed that outcome as its own
    /// first one (so it decides, waits and counts exactly as if it had made it), and runs every further attempt through
    /// the breaker. Its own method: only a retried query pays for its state machine.
    /// </summary>
    private async Task<Outcome<HttpResponseMessage>> RetryAsync<TAnswer>(ApiCall<TOptions, TAnswer> call, ResiliencePipeline<HttpResponseMessage> retry, Outcome<HttpResponseMessage> first)
        where TAnswer : class
    {
        var context = ResilienceContextPool.Shared.Get(call.RequestPath, call.Token);
        try
        {
            return await retry.ExecuteOutcomeAsync(static (context, retries) => retries.NextAttemptAsync(context), context, call.Replaying(first, _breaker)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Strategies StrategiesFor(TOptions options)
    {
        var current = Volatile.Read(ref _strategies);
        if (current is not null && ReferenceEquals(current.Options, options))
        {
            return current;
        }

        // A reload: new strategies from the new settings, over the same breaker (it keeps counting).
        var built = new Strategies(options, PipelineHttp.BaseAddressOf(options), this);
        Volatile.Write(ref _strategies, built);
        return built;
    }

    /// <summary>
    /// What is built from one version of the settings. The retry strategy is built by the first query that retries: it
    /// was the process's first use of Polly (its options checked through DataAnnotations), a few hundred methods
    /// compiled before the first call answered, which most processes never need (issue 22, cold start).
    /// </summary>
    private sealed class Strategies(TOptions options, Uri baseAddress, ApiPipeline<TOptions> pipeline)
    {
        private ResiliencePipeline<HttpResponseMessage>? _retry;

        public TOptions Options => options;

        public Uri BaseAddress => baseAddress;

        /// <summary>Whether a query that failed transiently is tried again.</summary>
        public bool Retries => options.Retry.MaxGetRetries > 0;

        /// <summary>The query retry strategy (built once; two built at once by a race are the same strategy).</summary>
        public ResiliencePipeline<HttpResponseMessage> Retry =>
            Volatile.Read(ref _retry) ?? Interlocked.CompareExchange(ref _retry, Build(), null) ?? _retry!;

        private ResiliencePipeline<HttpResponseMessage> Build() =>
            PipelineResilience.CreateRetryPipeline(pipeline.Time, options.Retry, pipeline.Telemetry, pipeline.Logger)!;
    }
}
