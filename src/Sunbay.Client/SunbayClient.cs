using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sunbay.Client.Http;
using Sunbay.Client.Notifications;
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
    private readonly SunbayPipeline _pipeline;
    private readonly TransactionWaiters? _ownedWaiters;
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

        var primary = primaryHandler ?? PipelineHttp.CreatePrimaryHandler();
        if (!PipelineHttp.TryStopRedirects(primary))
        {
            throw new ArgumentException(PipelineHttp.CannotStopRedirects("The primary handler"), nameof(primaryHandler));
        }

        var time = timeProvider ?? TimeProvider.System;
        // Without a factory, the null logger itself: Logger<T> would build its category name by reflection at start-up.
        ILogger logger = loggerFactory is null ? NullLogger.Instance : loggerFactory.CreateLogger<SunbayClient>();
        var waiters = new TransactionWaiters(notificationBus ?? new InProcessTransactionNotificationBus());
        _pipeline = new SunbayPipeline(
            Microsoft.Extensions.Options.Options.DefaultName, new HttpClient(primary, disposeHandler: true), new FixedOptionsMonitor<SunbayClientOptions>(options),
            time, logger, BearerRequestSigner.Instance, new CallBreaker(time), ownsHttp: true);
        Waiters = waiters;
        _ownedWaiters = waiters;
        Lifetime = _lifetime.Token;
    }

    /// <summary>A client over a pipeline built by dependency injection (<see cref="DependencyInjection.SunbayClientFactory"/>).</summary>
    internal SunbayClient(SunbayPipeline pipeline, TransactionWaiters waiters)
    {
        _pipeline = pipeline;
        Waiters = waiters;
        Lifetime = _lifetime.Token;
    }

    /// <summary>The settings now; a reload that failed validation is the SDK's own <see cref="PaymentsConfigurationException"/>.</summary>
    internal SunbayClientOptions CurrentOptions => _pipeline.Options;

    internal TimeProvider TimeProvider => _pipeline.Time;

    internal ILogger Logger => _pipeline.Logger;

    internal TransactionWaiters Waiters { get; }

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
    /// <see cref="SunbayTransportException"/> with <see cref="PaymentsTransportException.OutcomeUnknown"/>. Transactions go on
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
        _pipeline.Dispose();
        _ownedWaiters?.Dispose();
    }

    /// <summary>A new <c>transactionRequestId</c>: 32 hexadecimal characters, unique, within the documented pattern.</summary>
    internal static string NewTransactionRequestId() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// One query: the transaction, or (when not <paramref name="required"/>) <see langword="null"/> when SUNBAY answers
    /// code 0 without one. One async method from the lookup to the answer: each layer more costs a state machine a call.
    /// </summary>
    internal async Task<Transaction?> QueryAsync(TransactionLookup lookup, bool required, CancellationToken cancellationToken)
    {
        var (appId, merchantId) = Account(null, CurrentOptions);
        LengthAtMost(lookup.TransactionId, 64, "transactionId");
        LengthAtMost(lookup.TransactionRequestId, 32, "transactionRequestId");
        if (lookup.ReferenceOrderId is { } referenceOrderId && Wire.SaleRequest.CheckReferenceOrderId(referenceOrderId) is { } problem)
        {
            // The spec's referenceOrderId rules, read from the generated type that carries them.
            throw new PaymentsValidationException(problem.Field, problem.Rule);
        }

        var asked = lookup.TransactionRequestId;
        var url = SunbayWireApi.QueryTransactionUrl(appId, merchantId, lookup.TransactionId, asked, lookup.ReferenceOrderId);
        var answer = await SendAsync(SunbayWireApi.QueryTransaction, url, null, asked, cancellationToken).ConfigureAwait(false);
        var found = answer.Data is { } data && (!string.IsNullOrEmpty(data.TransactionId) || !string.IsNullOrEmpty(data.TransactionRequestId))
            ? TransactionMapper.FromWire(data, asked)
            : null;

        // Recovery acts on this answer (follow the transaction instead of sending it): another transaction than the one
        // asked for must never be taken for it.
        if (asked is not null && found is { TransactionRequestId.Length: > 0 } && !string.Equals(found.TransactionRequestId, asked, StringComparison.Ordinal))
        {
            throw new SunbayTransportException(
                $"SUNBAY answered the query of transactionRequestId '{asked}' with another transaction ('{found.TransactionRequestId}', transactionId '{found.TransactionId}'); it is not taken for the one asked.",
                "query",
                outcomeUnknown: false,
                asked,
                200);
        }

        return found is not null || !required ? found
            : throw new SunbayTransportException($"SUNBAY answered the query of {lookup} with code 0 but no transaction.", "query", outcomeUnknown: false, asked, 200);
    }

    /// <summary>Sends one call through the client's pipeline.</summary>
    internal Task<TAnswer> SendAsync<TAnswer>(IWireEndpoint<TAnswer> endpoint, string url, object? body, string? transactionRequestId, CancellationToken cancellationToken)
        where TAnswer : ApiEnvelope =>
        _pipeline.SendAsync(endpoint, url, body, transactionRequestId, cancellationToken);

    /// <summary>The spec's rules of a wire body and the rules of its webhook URLs, before anything leaves the process.</summary>
    private static void Validate(IWireObject wire)
    {
        if (wire.Validate(null) is { } problem)
        {
            throw new PaymentsValidationException(problem.Field, problem.Rule);
        }

        if (wire is IPushWire push)
        {
            UrlRules.WebhookTargets(push);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The length rule of a query parameter (the spec's <c>maxLength</c>, which NSwag does not annotate on parameters).</summary>
    private static void LengthAtMost(string? value, int max, string field)
    {
        if (value is { Length: var length } && length > max)
        {
            throw new PaymentsValidationException(field, $"must be at most {max} characters long (was {length})");
        }
    }

    private static (string AppId, string MerchantId) Account(SunbayRequest? request, SunbayClientOptions options) => (
        RequestRules.Required(request?.AppId, options.AppId, "appId", "AppId"),
        RequestRules.Required(request?.MerchantId, options.MerchantId, "merchantId", "MerchantId"));

    private static string TerminalOf(string? terminalSn, SunbayClientOptions options) =>
        RequestRules.Required(terminalSn, options.TerminalSn, "terminalSn", "TerminalSn");
}
