using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sunbay.Client.Http;

namespace Sunbay.Client.Pipeline;

/// <summary>
/// The request pipeline SUNBAY's and CM.com's clients stand on, for a provider written outside this repository: every
/// promise the SDK makes about a call is kept here, the same way for every provider. A request that changes something
/// (anything but a GET) is sent at most once: never retried, never redirected, never replayed by the transport, and a
/// lost answer is a <see cref="PaymentsTransportException"/> with <see cref="PaymentsTransportException.OutcomeUnknown"/>
/// set. Queries are retried within their time limit; a circuit breaker stops calls to a failing provider and lets them
/// through again after its break. Path values cannot leave their segment, error bodies are read up to a bound, a
/// success without a usable body is an error, the key and card numbers are masked out of every message, and only the
/// SDK's own exceptions leave a call. The provider says only its dialect (<see cref="PaymentsProviderDialect"/>).
/// </summary>
/// <example>
/// <code>
/// var pipeline = new PaymentsPipeline(new AcmeDialect(), new PaymentsPipelineOptions { BaseAddress = uri, ApiKey = key });
/// var payment = await pipeline.SendAsync(AcmeEndpoints.StartPayment, body, idempotencyKey: body.IdempotencyKey, cancellationToken: ct);
/// </code>
/// </example>
public sealed class PaymentsPipeline : IDisposable
{
    private readonly DialectPipeline _inner;

    /// <param name="dialect">What the provider's API says differently.</param>
    /// <param name="options">Where the API is, its key, time limits and retries; read at each call.</param>
    /// <param name="primaryHandler">
    /// The handler that sends the requests (a test server's, a proxy's); owned and disposed by the pipeline. By default a
    /// pooled <see cref="SocketsHttpHandler"/>. Redirects are turned off on it; one it follows anyway is refused.
    /// </param>
    /// <param name="timeProvider">The clock of time limits, retry delays and polling; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="loggerFactory">Where the calls are logged; nowhere by default.</param>
    /// <exception cref="PaymentsConfigurationException"><paramref name="options"/> are not usable; each rule broken is listed.</exception>
    public PaymentsPipeline(PaymentsProviderDialect dialect, PaymentsPipelineOptions options, HttpMessageHandler? primaryHandler = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } failures)
        {
            throw new PaymentsConfigurationException(failures);
        }

        var primary = primaryHandler ?? PipelineHttp.CreatePrimaryHandler();
        if (!PipelineHttp.TryStopRedirects(primary))
        {
            throw new PaymentsConfigurationException([PipelineHttp.CannotStopRedirects("The primary handler")]);
        }

        Dialect = dialect;
        TimeProvider = timeProvider ?? TimeProvider.System;
        ILogger logger = loggerFactory is null ? NullLogger.Instance : loggerFactory.CreateLogger(DialectCallTelemetry.Name);
        _inner = new DialectPipeline(dialect, new HttpClient(primary, disposeHandler: true), options, TimeProvider, logger);
    }

    /// <summary>The provider's dialect.</summary>
    public PaymentsProviderDialect Dialect { get; }

    /// <summary>The pipeline's clock: a provider's operations wait on it.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The pipeline's logger, for a provider's own log lines.</summary>
    public ILogger Logger => _inner.Logger;

    /// <summary>
    /// Sends one call and returns its answer, or throws the SDK's exception for it: <see cref="PaymentsApiException"/>
    /// (the provider refused it), <see cref="PaymentsTransportException"/> (no usable answer; see
    /// <see cref="PaymentsTransportException.OutcomeUnknown"/>), <see cref="PaymentsValidationException"/> (a path value
    /// that would leave its segment, before anything is sent), <see cref="PaymentsClientDisposedException"/>, or
    /// <see cref="OperationCanceledException"/> for a query the caller cancelled.
    /// </summary>
    /// <typeparam name="TAnswer">The answer's type.</typeparam>
    /// <param name="endpoint">The operation.</param>
    /// <param name="body">The request body, of the endpoint's body type; <see langword="null"/> when it takes none.</param>
    /// <param name="idempotencyKey">The key the call is sent under, if any: reported with an outcome-unknown error and in telemetry.</param>
    /// <param name="pathValues">The values of the path's parameters, in their order; each is escaped into its segment.</param>
    /// <param name="cancellationToken">Cancels the call. A request that changes something and was already sent is then outcome unknown.</param>
    public Task<TAnswer> SendAsync<TAnswer>(PaymentsEndpoint<TAnswer> endpoint, object? body = null, string? idempotencyKey = null, IReadOnlyList<string>? pathValues = null, CancellationToken cancellationToken = default)
        where TAnswer : class
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.BodyType is null ? body is not null : !endpoint.BodyType.IsInstanceOfType(body))
        {
            throw new ArgumentException($"{endpoint.Name} takes {(endpoint.BodyType is null ? "no body" : "a body of type " + endpoint.BodyType.Name)}.", nameof(body));
        }

        object?[] values = pathValues is null ? [] : [.. pathValues];
        return _inner.SendAsync(endpoint.Wire, endpoint.Wire.Url(values, []), body, idempotencyKey, cancellationToken);
    }

    /// <summary>Ends every call in progress and releases the connections.</summary>
    public void Dispose() => _inner.Dispose();
}
