using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Sunbay.Client.Http;
using Sunbay.Client.Notifications;
using Sunbay.Client.Telemetry;
using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;
using Sunbay.Client.Wire;

namespace Sunbay.Client;

/// <summary>
/// The <see cref="ISunbayClient"/> implementation. With dependency injection, register it with
/// <c>services.AddSunbayClient(...)</c>; without, construct it from a <see cref="SunbayClientOptions"/> and dispose it
/// when done.
/// </summary>
public sealed partial class SunbayClient : ISunbayClient, IDisposable
{
    private const int ExcerptLength = 200;
    private readonly IOptionsMonitor<SunbayClientOptions> _options;
    private readonly string _name;
    private readonly ISunbayWireClient _wire;
    private readonly CompositeDisposable? _owned;
    private readonly CancellationTokenSource _lifetime = new();
    private int _disposed;

    /// <summary>
    /// Creates a client without dependency injection. The options are validated now; the client owns its HTTP
    /// connections until disposed. Changing <see cref="SunbayClientOptions.ApiKey"/> later applies to the next request.
    /// </summary>
    /// <param name="options">Settings; see <see cref="SunbayClientOptions"/>.</param>
    /// <param name="primaryHandler">
    /// The innermost HTTP handler (e.g. for a proxy); default a pooled <see cref="SocketsHttpHandler"/>. The client takes it
    /// over: it is disposed with the client, and the <c>AllowAutoRedirect</c> of a <see cref="SocketsHttpHandler"/> or
    /// <see cref="HttpClientHandler"/> (also one wrapped in a <see cref="DelegatingHandler"/>) is set to <see langword="false"/>,
    /// because the client never follows a redirect: a redirected payment would be sent again.
    /// </param>
    /// <param name="timeProvider">Clock for timestamps and polling; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">Logging; default none.</param>
    /// <param name="notificationBus">Where verified webhooks are published to complete waiting operations; default in-process.</param>
    /// <exception cref="ArgumentException">
    /// The options are invalid (the message lists every problem), or <paramref name="primaryHandler"/> follows redirects
    /// and has already sent requests, so it can no longer be changed.
    /// </exception>
    public SunbayClient(
        SunbayClientOptions options,
        HttpMessageHandler? primaryHandler = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        ITransactionNotificationBus? notificationBus = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = SunbayClientOptionsValidator.Collect(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid Sunbay client options: " + string.Join(" ", failures), nameof(options));
        }

        var primary = primaryHandler ?? SunbayHttp.CreatePrimaryHandler();
        if (!SunbayHttp.TryStopRedirects(primary))
        {
            throw new ArgumentException(SunbayHttp.CannotStopRedirects("The primary handler"), nameof(primaryHandler));
        }

        var time = timeProvider ?? TimeProvider.System;
        var monitor = new FixedOptionsMonitor(options);
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SunbayClient>();
        var breaker = SunbayResilience.CreateBreaker(time);
        var queries = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        SunbayResilience.Configure(queries, SunbayResilience.QueryKey, options, breaker, Logger);
        var pushes = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        SunbayResilience.Configure(pushes, SunbayResilience.PushKey, options, breaker, Logger);
        var (queryPipeline, pushPipeline) = (queries.Build(), pushes.Build());
        ServerClock = new ServerClock();
        var resilience = new ResilienceHandler(request => SunbayResilience.KeyOf(request) == SunbayResilience.QueryKey ? queryPipeline : pushPipeline)
        {
            InnerHandler = new SunbayHeadersHandler(monitor, Microsoft.Extensions.Options.Options.DefaultName, time, BearerRequestSigner.Instance, ServerClock)
            {
                InnerHandler = new SunbayQueryBufferingHandler { InnerHandler = new SunbayRedirectGuardHandler { InnerHandler = primary } },
            },
        };
        var http = SunbayHttp.Configure(new HttpClient(resilience, disposeHandler: true), options);
        var waiters = new TransactionWaiters(notificationBus ?? new InProcessTransactionNotificationBus());
        _options = monitor;
        _name = Microsoft.Extensions.Options.Options.DefaultName;
        _wire = new SunbayWireClient(http);
        TimeProvider = time;
        Waiters = waiters;
        _owned = new CompositeDisposable(http, waiters);
        Lifetime = _lifetime.Token;
    }

    internal SunbayClient(string name, HttpClient http, IOptionsMonitor<SunbayClientOptions> options, TimeProvider time, ILogger logger, TransactionWaiters waiters, ServerClock serverClock)
    {
        ServerClock = serverClock;
        _name = name;
        _options = options;
        TimeProvider = time;
        Logger = logger;
        Waiters = waiters;
        _wire = new SunbayWireClient(http);
        Lifetime = _lifetime.Token;
    }

    /// <summary>The settings now; a reload that failed validation is the SDK's own <see cref="SunbayConfigurationException"/>.</summary>
    internal SunbayClientOptions CurrentOptions
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

    internal TimeProvider TimeProvider { get; }

    internal ILogger Logger { get; }

    internal TransactionWaiters Waiters { get; }

    internal ServerClock ServerClock { get; }

    /// <summary>Cancelled when the client is disposed: ends every wait at once.</summary>
    internal CancellationToken Lifetime { get; }

    /// <summary>Whether <see cref="Dispose"/> was called.</summary>
    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <inheritdoc/>
    public TransactionOperation GetOperation(string transactionRequestId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionRequestId);
        return new TransactionOperation(this, transactionRequestId, initial: null, expiresAt: null);
    }

    /// <summary>
    /// Releases the HTTP connections of a client created without dependency injection. Every wait in progress ends at once
    /// with <see cref="SunbayClientDisposedException"/>, as does every later call; a push interrupted on its way raises
    /// <see cref="SunbayTransportException"/> with <see cref="SunbayTransportException.OutcomeUnknown"/>. Transactions go on
    /// on their terminals: follow them with <see cref="GetOperation(string)"/> on a live client.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Waits first, so that they end with the SDK's exception rather than with the HTTP client's.
        _lifetime.Cancel();
        _owned?.Dispose();
    }

    /// <summary>A new <c>transactionRequestId</c>: 32 hexadecimal characters, unique, within the documented pattern.</summary>
    internal static string NewTransactionRequestId() => Guid.NewGuid().ToString("N");

    /// <summary>One query; <see langword="null"/> when SUNBAY answers code 0 without a transaction.</summary>
    private async Task<Transaction?> QueryAsync(string? transactionId, string? transactionRequestId, string? referenceOrderId, CancellationToken cancellationToken)
    {
        var (appId, merchantId) = Account(null, CurrentOptions);
        LengthAtMost(transactionId, 64, "transactionId");
        LengthAtMost(transactionRequestId, 32, "transactionRequestId");

        var envelope = await CallAsync("query", null, isPost: false, (w, ct) => w.QueryTransactionAsync(appId, merchantId, transactionId, transactionRequestId, referenceOrderId, ct), cancellationToken).ConfigureAwait(false);
        return envelope.Data is { } data && (!string.IsNullOrEmpty(data.TransactionId) || !string.IsNullOrEmpty(data.TransactionRequestId))
            ? TransactionMapper.FromWire(data, transactionRequestId)
            : null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The length rule of a query parameter (the spec's <c>maxLength</c>, which NSwag does not annotate on parameters).</summary>
    private static void LengthAtMost(string? value, int max, string field)
    {
        if (value is { Length: var length } && length > max)
        {
            throw new SunbayValidationException(field, $"must be at most {max} characters long (was {length})");
        }
    }

    private static (string AppId, string MerchantId) Account(SunbayRequest? request, SunbayClientOptions options) => (
        RequestRules.Required(request?.AppId, options.AppId, "appId", "AppId"),
        RequestRules.Required(request?.MerchantId, options.MerchantId, "merchantId", "MerchantId"));

    private static string TerminalOf(string? terminalSn, SunbayClientOptions options) =>
        RequestRules.Required(terminalSn, options.TerminalSn, "terminalSn", "TerminalSn");

    /// <summary>
    /// Sends one API call and turns every failure into a typed exception: a business error into
    /// <see cref="SunbayApiException"/>, anything that left no usable answer into <see cref="SunbayTransportException"/>
    /// (outcome unknown for a POST that may have been sent).
    /// </summary>
    internal async Task<TEnvelope> CallAsync<TEnvelope>(string operation, string? transactionRequestId, bool isPost, Func<ISunbayWireClient, CancellationToken, Task<TEnvelope>> call, CancellationToken cancellationToken)
        where TEnvelope : ApiEnvelope
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (IsDisposed)
        {
            throw new SunbayClientDisposedException(operation, transactionRequestId);
        }

        using var activity = SunbayTelemetry.ActivitySource.StartActivity($"sunbay {operation}", ActivityKind.Client);
        activity?.SetTag("sunbay.operation", operation);
        activity?.SetTag("sunbay.transaction_request_id", transactionRequestId);
        var started = TimeProvider.GetTimestamp();
        var outcome = "error";
        string? code = null;
        var state = SunbayCallState.Begin();
        try
        {
            var envelope = await call(_wire, cancellationToken).ConfigureAwait(false);
            code = envelope.Code;
            if (string.IsNullOrEmpty(envelope.Code))
            {
                throw Transport($"SUNBAY's answer to {operation} is JSON but not a SUNBAY envelope (no 'code').", null, 200, isPost);
            }

            if (Logger.IsEnabled(LogLevel.Debug))
            {
                var key = CurrentOptions.ApiKey;
                Log.ApiCall(Logger, operation, state.StatusCode, SensitiveData.Mask(envelope.Code, key), SensitiveData.Mask(envelope.TraceId, key), TimeProvider.GetElapsedTime(started).TotalMilliseconds, state.Attempts);
            }
            activity?.SetTag("sunbay.code", envelope.Code);
            activity?.SetTag("sunbay.trace_id", envelope.TraceId);
            if (envelope.Code != "0")
            {
                outcome = "api_error";
                throw Api(envelope, HttpStatusCode.OK);
            }

            outcome = "success";
            return envelope;
        }
        catch (Exception ex) when (IsDisposed && !cancellationToken.IsCancellationRequested && ex is ObjectDisposedException or OperationCanceledException or HttpRequestException)
        {
            // Disposed under the call: the HTTP client's own exception would say nothing useful.
            throw isPost
                ? Transport($"{operation} was interrupted: the SunbayClient was disposed while the request was on its way.", ex, null, outcomeUnknown: true)
                : new SunbayClientDisposedException(operation, transactionRequestId, ex);
        }
        catch (SunbayWireException ex)
        {
            var envelope = TryReadEnvelope(ex.Response);
            if (ex.StatusCode is >= 500 and <= 599)
            {
                // A server error says nothing reliable about what happened: even with an envelope, a push may have
                // been dispatched before the failure. Only a query can tell.
                code = envelope?.Code;
                throw Transport($"SUNBAY answered {operation} with HTTP {ex.StatusCode}{(envelope is null ? " and no SUNBAY envelope" : $" (code {envelope.Code}, \"{envelope.Msg}\", traceId {envelope.TraceId})")}: {SensitiveData.Excerpt(ex.Response, CurrentOptions.ApiKey, ExcerptLength)}", ex, ex.StatusCode, isPost);
            }

            if (ex.StatusCode == 429)
            {
                // Rate limited: rejected before processing, so certainly not dispatched.
                throw Transport($"SUNBAY rate-limited {operation} (HTTP 429); nothing was processed. Slow down and send again.", ex, 429, outcomeUnknown: false);
            }

            if (envelope is { Code.Length: > 0 } && envelope.Code != "0")
            {
                outcome = "api_error";
                code = envelope.Code;
                throw Api(envelope, (HttpStatusCode)ex.StatusCode);
            }

            throw Transport(ex.StatusCode == 200
                ? $"SUNBAY's answer to {operation} could not be read: {SunbayWireJson.DescribeReadError(ex.InnerException) ?? SensitiveData.Excerpt(ex.Response, CurrentOptions.ApiKey, ExcerptLength)}"
                : $"SUNBAY answered {operation} with HTTP {ex.StatusCode} and no SUNBAY envelope: {SensitiveData.Excerpt(ex.Response, CurrentOptions.ApiKey, ExcerptLength)}", ex, ex.StatusCode, isPost);
        }
        catch (SunbayRedirectException ex)
        {
            // Never followed, never retried. A push may have been acted on before it was redirected: only a query can tell.
            throw Transport(ex.DescribeFor(operation, isPost), ex, ex.StatusCode, isPost);
        }
        catch (SunbayApiKeyException ex)
        {
            // Found while writing the headers: the request never left the process, so the outcome is known.
            throw Transport($"{operation} was not sent: {ex.Message}", ex, null, outcomeUnknown: false);
        }
        catch (BrokenCircuitException ex)
        {
            // Rejected before sending: the request certainly did not reach SUNBAY.
            throw Transport($"{operation} was not sent: too many recent failures opened the circuit breaker. Try again shortly.", ex, null, outcomeUnknown: false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Transport($"{operation} timed out after {ex.Timeout.TotalSeconds:F0} s.", ex, null, isPost);
        }
        catch (HttpRequestException ex)
        {
            var notSent = ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError;
            throw Transport($"{operation} failed on the network ({ex.HttpRequestError}): {ex.Message}", ex, (int?)ex.StatusCode, isPost && !notSent);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && isPost)
        {
            // The caller gave up while the POST was on its way: it may have been charged.
            throw Transport($"{operation} was cancelled by the caller after it was sent.", ex, null, outcomeUnknown: true);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Transport($"{operation} timed out.", ex, null, isPost);
        }
        finally
        {
            var elapsed = TimeProvider.GetElapsedTime(started);
            SunbayTelemetry.ApiDuration.Record(elapsed.TotalSeconds, new("sunbay.operation", operation), new("sunbay.outcome", outcome));
            SunbayTelemetry.ApiCalls.Add(1, new("sunbay.operation", operation), new("sunbay.outcome", outcome), new("sunbay.code", code));
            activity?.SetTag("sunbay.outcome", outcome);
            if (outcome != "success")
            {
                activity?.SetTag("error.type", outcome);
                activity?.SetStatus(ActivityStatusCode.Error);
            }
        }

        // Everything SUNBAY (or whatever answered) wrote is masked with the current key before it is rendered anywhere:
        // a server may echo the Authorization value, and a result message may hold a card number.
        SunbayApiException Api(ApiEnvelope envelope, HttpStatusCode status)
        {
            var key = CurrentOptions.ApiKey;
            var (code, message, traceId) = (SensitiveData.Mask(envelope.Code, key), SensitiveData.Mask(envelope.Msg, key), SensitiveData.Mask(envelope.TraceId, key));
            var exception = IsTimestampRejection(envelope)
                ? new SunbayClockSkewException(code, message, traceId, status, operation, ServerClock.Offset)
                : new SunbayApiException(code, message, traceId, status, operation);
            Log.ApiFailed(Logger, operation, (int)status, code, traceId, TimeProvider.GetElapsedTime(started).TotalMilliseconds, state.Attempts, exception.Message);
            return exception;
        }

        SunbayTransportException Transport(string message, Exception? inner, int? status, bool outcomeUnknown)
        {
            var exception = new SunbayTransportException(
                SensitiveData.Mask(outcomeUnknown ? message + $" The outcome is unknown: query transactionRequestId '{transactionRequestId}' before anything else." : message, CurrentOptions.ApiKey),
                operation, outcomeUnknown, transactionRequestId, status, inner);
            if (outcomeUnknown)
            {
                SunbayTelemetry.OutcomeUnknown.Add(1, new KeyValuePair<string, object?>("sunbay.operation", operation));
                Log.OutcomeUnknown(Logger, operation, transactionRequestId, exception);
            }
            else
            {
                Log.ApiFailed(Logger, operation, status ?? state.StatusCode, null, null, TimeProvider.GetElapsedTime(started).TotalMilliseconds, state.Attempts, exception.Message);
            }

            return exception;
        }
    }

    /// <summary>A parameter error about <c>X-Timestamp</c>: the one way SUNBAY reports a clock outside its ±10 minute window.</summary>
    private static bool IsTimestampRejection(ApiEnvelope envelope) =>
        envelope.Code == "C17" && envelope.Msg?.Contains("timestamp", StringComparison.OrdinalIgnoreCase) == true;

    private static ApiEnvelope? TryReadEnvelope(string? body)
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

    private sealed class FixedOptionsMonitor(SunbayClientOptions value) : IOptionsMonitor<SunbayClientOptions>
    {
        public SunbayClientOptions CurrentValue => value;

        public SunbayClientOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SunbayClientOptions, string?> listener) => null;
    }

    private sealed class CompositeDisposable(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }
}
