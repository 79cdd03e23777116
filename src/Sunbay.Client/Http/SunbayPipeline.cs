using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Sunbay.Client.Telemetry;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Http;

/// <summary>
/// The one path every API call takes, whether the client came from <c>AddSunbayClient</c> or from
/// <c>new SunbayClient(...)</c>: the resilience strategies of its kind of request (queries: total limit, retry,
/// breaker, attempt limit; pushes: one limit, never a retry, not sent while the breaker is open), one <see cref="SunbayCall{TAnswer}"/> per attempt
/// (headers, key, send, read), then <see cref="SunbayErrorClassifier"/> and <see cref="SunbayCallScope"/>.
/// Built once per client; the strategies are rebuilt when the options are reloaded.
/// </summary>
internal sealed class SunbayPipeline : IDisposable
{
    private readonly string _name;
    private readonly IOptionsMonitor<SunbayClientOptions> _options;
    private readonly SunbayBreaker _breaker;
    private readonly bool _ownsHttp;
    private Strategies? _strategies;
    private int _disposed;

    /// <param name="name">The client's name (the options name).</param>
    /// <param name="http">Sends one attempt; its handlers stop at the network (no retry of its own).</param>
    /// <param name="options">The client's settings, read at each call.</param>
    /// <param name="time">Clock of timestamps, timeouts and retry delays.</param>
    /// <param name="logger">The client's logger.</param>
    /// <param name="signer">Authenticates each attempt.</param>
    /// <param name="breaker">The circuit breaker shared by queries and pushes of this client.</param>
    /// <param name="ownsHttp">Whether <see cref="Dispose"/> disposes <paramref name="http"/>.</param>
    public SunbayPipeline(string name, HttpClient http, IOptionsMonitor<SunbayClientOptions> options, TimeProvider time, ILogger logger, ISunbayRequestSigner signer, SunbayBreaker breaker, bool ownsHttp)
    {
        _name = name;
        _options = options;
        _breaker = breaker;
        _ownsHttp = ownsHttp;
        Http = http;
        Time = time;
        Logger = logger;
        Signer = signer;
        Http.Timeout = Timeout.InfiniteTimeSpan; // the strategies own time limits, per kind of request
    }

    public HttpClient Http { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public ISunbayRequestSigner Signer { get; }

    /// <summary>SUNBAY's clock as seen in its <c>Date</c> headers, for the clock-skew error.</summary>
    public ServerClock ServerClock { get; } = new();

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>The settings now; a reload that failed validation is the SDK's own <see cref="SunbayConfigurationException"/>.</summary>
    public SunbayClientOptions Options
    {
        get
        {
            try
            {
                return _options.Get(_name);
            }
            catch (OptionsValidationException ex)
            {
                throw new SunbayConfigurationException([.. ex.Failures], ex);
            }
        }
    }

    /// <summary>Sends one API call and returns its answer, or throws the SDK's typed exception for it.</summary>
    /// <param name="endpoint">The operation.</param>
    /// <param name="url">Its relative URL (the path, with the query string of a query).</param>
    /// <param name="body">The request body of a push; null for a query.</param>
    /// <param name="transactionRequestId">The transaction the call concerns, for errors and telemetry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<TAnswer> SendAsync<TAnswer>(IWireEndpoint<TAnswer> endpoint, string url, object? body, string? transactionRequestId, CancellationToken cancellationToken)
        where TAnswer : ApiEnvelope
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (IsDisposed)
        {
            throw new SunbayClientDisposedException(endpoint.Name, transactionRequestId);
        }

        var options = Options;
        var strategies = StrategiesFor(options);
        using var deadline = new SunbayDeadline(Time, endpoint.IsQuery ? options.Timeouts.GetTotal : options.Timeouts.Post, cancellationToken);
        var call = new SunbayCall<TAnswer>(this, endpoint, new Uri(strategies.BaseAddress, url), body is null ? null : endpoint.Serialize(body), transactionRequestId, options, deadline);
        var scope = new SunbayCallScope(endpoint.Name, transactionRequestId, Time, Logger);
        Outcome<HttpResponseMessage> outcome;
        if (endpoint.IsQuery)
        {
            // The query's attempts through its strategies (retry, breaker), inside this method: a helper costs a state machine.
            var context = ResilienceContextPool.Shared.Get(endpoint.RequestPath, deadline.Token);
            try
            {
                outcome = await strategies.Queries.ExecuteOutcomeAsync(static (context, call) => call.SendOnceAsync(context.CancellationToken), context, call).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
        else
        {
            outcome = _breaker.RejectsPushes
                ? Outcome.FromException<HttpResponseMessage>(new BrokenCircuitException("The circuit is open: the push was not sent."))
                : await call.SendOnceAsync(deadline.Token).ConfigureAwait(false);
        }

        using var response = outcome.Result;
        var facts = await call.ReadAsync(response, deadline.Translate(outcome.Exception), cancellationToken).ConfigureAwait(false);
        var error = SunbayErrorClassifier.Classify(facts);
        scope.Complete(facts, call.Attempts, error);
        return error is null ? call.Answer! : throw error;
    }

    /// <summary>Ends every call in progress; with a client of its own, releases its connections.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHttp)
        {
            Http.Dispose();
        }
    }

    private Strategies StrategiesFor(SunbayClientOptions options)
    {
        var current = Volatile.Read(ref _strategies);
        if (current is not null && ReferenceEquals(current.Options, options))
        {
            return current;
        }

        // A reload: new strategies from the new settings, over the same breaker (it keeps counting).
        var built = new Strategies(options, SunbayHttp.BaseAddressOf(options), SunbayResilience.CreateQueryPipeline(Time, options, _breaker, Logger));
        Volatile.Write(ref _strategies, built);
        return built;
    }

    private sealed record Strategies(SunbayClientOptions Options, Uri BaseAddress, ResiliencePipeline<HttpResponseMessage> Queries);
}
