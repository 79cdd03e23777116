using Sunbay.Client.Pipeline;

namespace ExamplePay;

/// <summary>
/// Example Pay's typed client: each operation of its API, sent through the core's <see cref="PaymentsPipeline"/>, which
/// keeps every promise of a call (a start or a cancel is sent at most once, lost answers are outcome unknown, secrets
/// are masked, only the SDK's exceptions leave).
/// </summary>
public sealed class ExamplePayClient : IDisposable
{
    private readonly PaymentsPipeline _pipeline;

    /// <param name="options">The API's address, the key, time limits and retries.</param>
    /// <param name="primaryHandler">The handler that sends the requests; a pooled socket handler by default.</param>
    /// <param name="timeProvider">The clock; the system's by default.</param>
    /// <param name="loggerFactory">Where calls are logged; nowhere by default.</param>
    public ExamplePayClient(PaymentsPipelineOptions options, HttpMessageHandler? primaryHandler = null, TimeProvider? timeProvider = null, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null) =>
        _pipeline = new PaymentsPipeline(new ExamplePayDialect(), options, primaryHandler, timeProvider, loggerFactory);

    /// <summary>The client's pipeline.</summary>
    public PaymentsPipeline Pipeline => _pipeline;

    /// <summary>Starts a payment or refund (<c>POST payments</c>); the same key and body return the first one.</summary>
    /// <param name="body">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<PaymentWire> StartAsync(PaymentBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _pipeline.SendAsync(ExamplePayEndpoints.Start, body, body.IdempotencyKey, cancellationToken: cancellationToken);
    }

    /// <summary>Reads a payment (<c>GET payments/{id}</c>).</summary>
    /// <param name="id">Example Pay's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<PaymentWire> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _pipeline.SendAsync(ExamplePayEndpoints.Get, pathValues: [id], cancellationToken: cancellationToken);

    /// <summary>Finds the payment an idempotency key created (<c>GET idempotency-keys/{key}</c>); HTTP 404 when none.</summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<PaymentWire> FindByKeyAsync(string key, CancellationToken cancellationToken = default) =>
        _pipeline.SendAsync(ExamplePayEndpoints.FindByKey, pathValues: [key], cancellationToken: cancellationToken);

    /// <summary>Asks to cancel a payment (<c>POST payments/{id}/cancel</c>); HTTP 409 when it is final.</summary>
    /// <param name="id">Example Pay's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<PaymentWire> CancelAsync(string id, CancellationToken cancellationToken = default) =>
        _pipeline.SendAsync(ExamplePayEndpoints.Cancel, pathValues: [id], cancellationToken: cancellationToken);

    /// <summary>Ends every call in progress and releases the connections.</summary>
    public void Dispose() => _pipeline.Dispose();
}
