using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sunbay.Client.CmCom.Configuration;
using Sunbay.Client.CmCom.Http;
using Sunbay.Client.CmCom.Validation;
using Sunbay.Client.Http;
using Sunbay.Client.Wire;

namespace Sunbay.Client.CmCom;

/// <summary>
/// The <see cref="ICmComClient"/> implementation, on the same pipeline as the SUNBAY client. With dependency injection,
/// register it with <c>services.AddCmComClient(...)</c>; without, construct it from a <see cref="CmComClientOptions"/> and
/// dispose it when done.
/// </summary>
public sealed partial class CmComClient : ICmComClient, IDisposable
{
    private readonly CmComPipeline _pipeline;
    private readonly CancellationTokenSource _lifetime = new();
    private int _disposed;

    /// <summary>
    /// Creates a client without dependency injection. The options are validated now; the client owns its HTTP
    /// connections until disposed. Changing <see cref="CmComClientOptions.ApiKey"/> later applies to the next request.
    /// </summary>
    /// <param name="options">Settings; see <see cref="CmComClientOptions"/>.</param>
    /// <param name="primaryHandler">
    /// The innermost HTTP handler (e.g. for a proxy, or a fake CM.com host's in-memory handler); default a pooled
    /// <see cref="SocketsHttpHandler"/>. The client takes it over: it is disposed with the client, and its
    /// <c>AllowAutoRedirect</c> is set to <see langword="false"/>, because the client never follows a redirect.
    /// </param>
    /// <param name="timeProvider">Clock of timeouts, retries and polling; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">Logging; default none.</param>
    /// <exception cref="ArgumentException">
    /// The options are invalid (the message lists every problem), or <paramref name="primaryHandler"/> follows redirects
    /// and has already sent requests, so it can no longer be changed.
    /// </exception>
    public CmComClient(CmComClientOptions options, HttpMessageHandler? primaryHandler = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = CmComClientOptionsValidator.Collect(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid CM.com client options: " + string.Join(" ", failures), nameof(options));
        }

        var primary = primaryHandler ?? PipelineHttp.CreatePrimaryHandler();
        if (!PipelineHttp.TryStopRedirects(primary))
        {
            throw new ArgumentException(PipelineHttp.CannotStopRedirects("The primary handler"), nameof(primaryHandler));
        }

        var time = timeProvider ?? TimeProvider.System;
        // Without a factory, the null logger itself: Logger<T> would build its category name by reflection at start-up.
        ILogger logger = loggerFactory is null ? NullLogger.Instance : loggerFactory.CreateLogger<CmComClient>();
        _pipeline = new CmComPipeline(
            Microsoft.Extensions.Options.Options.DefaultName, new HttpClient(primary, disposeHandler: true), new FixedOptionsMonitor<CmComClientOptions>(options),
            time, logger, new CallBreaker(time), ownsHttp: true);
    }

    /// <summary>A client over a pipeline built by dependency injection.</summary>
    internal CmComClient(CmComPipeline pipeline) => _pipeline = pipeline;

    /// <summary>The settings now; a reload that failed validation is the SDK's own <see cref="PaymentsConfigurationException"/>.</summary>
    internal CmComClientOptions CurrentOptions => _pipeline.Options;

    internal ILogger Logger => _pipeline.Logger;

    /// <summary>Whether <see cref="Dispose"/> was called.</summary>
    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <inheritdoc/>
    public CmComTransactionOperation GetOperation(string transactionId, string? terminalId = null) =>
        new(this, CmComRules.TerminalOf(terminalId, CurrentOptions), CmComRules.TransactionId(transactionId), initial: null);

    /// <summary>
    /// Releases the HTTP connections of a client created without dependency injection. Every wait in progress ends at once
    /// with <see cref="CmComClientDisposedException"/>, as does every later call; a POST or DELETE interrupted on its way
    /// raises <see cref="CmComTransportException"/> with <see cref="PaymentsTransportException.OutcomeUnknown"/>. Transactions
    /// go on on their terminals: follow them with <see cref="GetOperation"/> on a live client.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Waits first, so that they end with the SDK's exception rather than with the HTTP client's.
        _lifetime.Cancel();
        _pipeline.Dispose();
    }

    /// <summary>Sends one call through the client's pipeline.</summary>
    private Task<TAnswer> SendAsync<TAnswer>(IWireEndpoint<TAnswer> endpoint, string url, object? body, CallSubject subject, CancellationToken cancellationToken)
        where TAnswer : class =>
        _pipeline.SendAsync(endpoint, url, body, subject, cancellationToken);
}
