using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sunbay.Client.Payments.Durability;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.AspNetCore;

/// <summary>
/// Runs one webhook delivery: read the raw body, verify, claim, publish to the bus, run the handler bounded by
/// <see cref="SunbayWebhookOptions.AcknowledgementTimeout"/>, answer. See <c>MapSunbayWebhooks</c> for the contract.
/// </summary>
internal sealed class SunbayWebhookProcessor : IDisposable
{
    private const int InitialBufferBytes = 16 * 1024;
    private static readonly byte[] Received = """{"code":"0","msg":"received"}"""u8.ToArray();

    private readonly SunbayWebhookVerifier _verifier;
    private readonly IWebhookDeduplicationStore _store;
    private readonly ITransactionNotificationBus _bus;
    private readonly IOptionsMonitor<SunbayWebhookOptions> _options;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenRegistration _onStopping;
    private readonly Func<CardPaymentRecovery?> _recovery;

    public SunbayWebhookProcessor(
        SunbayWebhookVerifier verifier,
        IWebhookDeduplicationStore store,
        ITransactionNotificationBus bus,
        IOptionsMonitor<SunbayWebhookOptions> options,
        IServiceScopeFactory scopes,
        TimeProvider time,
        ILogger<SunbayWebhookProcessor>? logger = null,
        IHostApplicationLifetime? lifetime = null,
        Func<CardPaymentRecovery?>? recovery = null)
    {
        _recovery = recovery ?? (static () => null);
        _verifier = verifier;
        _store = store;
        _bus = bus;
        _options = options;
        _scopes = scopes;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        if (lifetime is not null)
        {
            _onStopping = lifetime.ApplicationStopping.Register(static state => ((CancellationTokenSource)state!).Cancel(), _stopping);
        }
    }

    /// <summary>The HTTP status answered for a rejected delivery.</summary>
    public static int StatusCodeFor(SunbayWebhookFailureReason reason) => reason switch
    {
        SunbayWebhookFailureReason.BadSignature or SunbayWebhookFailureReason.TimestampOutOfRange => StatusCodes.Status401Unauthorized,
        SunbayWebhookFailureReason.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    public async Task HandleAsync(HttpContext context, Func<TransactionNotification, IServiceProvider, CancellationToken, Task> handler)
    {
        var request = context.Request;
        var max = _verifier.MaxBodyBytes;
        if (request.ContentLength > max)
        {
            await RejectAsync(context, SunbayWebhookFailureReason.TooLarge).ConfigureAwait(false);
            return;
        }

        var headers = new SunbayWebhookHeaders(
            request.Headers[SunbayWebhookHeaders.SignatureHeaderName].ToString(),
            request.Headers[SunbayWebhookHeaders.TimestampHeaderName].ToString(),
            request.Headers[SunbayWebhookHeaders.ClientRequestIdHeaderName].ToString());
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? InitialBufferBytes, max) + 1);
        TransactionNotification? notification;
        SunbayWebhookFailureReason failure;
        try
        {
            var length = 0;
            var limit = max + 1; // one byte more than allowed tells "too large" without reading the rest
            while (length < limit)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit) - length), context.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            Verify(headers, buffer.AsSpan(0, length), out notification, out failure);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (notification is null)
        {
            await RejectAsync(context, failure).ConfigureAwait(false);
            return;
        }

        var options = _options.CurrentValue;
        var transaction = notification.Transaction;
        bool claimed;
        try
        {
            claimed = await _store.TryClaimAsync(notification.DeduplicationKey, options.DeduplicationWindow, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log.StoreFailed(_logger, notification.ClientRequestId, ex);
            WebhookTelemetry.Deliveries.Add(1, new KeyValuePair<string, object?>("sunbay.webhook.outcome", "failed"));
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (!claimed)
        {
            Log.Duplicate(_logger, notification.ClientRequestId, transaction.TransactionRequestId, transaction.Status);
            WebhookTelemetry.Deliveries.Add(1, new KeyValuePair<string, object?>("sunbay.webhook.outcome", "duplicate"));
            await AcknowledgeAsync(context).ConfigureAwait(false);
            return;
        }

        // The acknowledgement timer starts before the handler, so that it runs on the handler's time, not after it.
        using var acknowledgement = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var deadline = Task.Delay(options.AcknowledgementTimeout, _time, acknowledgement.Token);
        var processing = Task.Run(() => ProcessAsync(notification, handler), CancellationToken.None);
        var first = await Task.WhenAny(processing, deadline).ConfigureAwait(false);
        await acknowledgement.CancelAsync().ConfigureAwait(false);
        if (first != processing)
        {
            // Still running: answer now (SUNBAY would otherwise time out and deliver again); it goes on in the background
            // and, should it fail, releases its claim and logs the error.
            Log.Acknowledged(_logger, notification.ClientRequestId, options.AcknowledgementTimeout.TotalMilliseconds);
            await AcknowledgeAsync(context).ConfigureAwait(false);
            return;
        }

        if (await processing.ConfigureAwait(false))
        {
            await AcknowledgeAsync(context).ConfigureAwait(false);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError; // SUNBAY retries; the claim was released
        }
    }

    public void Dispose()
    {
        _onStopping.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private void Verify(SunbayWebhookHeaders headers, ReadOnlySpan<byte> body, out TransactionNotification? notification, out SunbayWebhookFailureReason failure)
    {
        if (body.Length > _verifier.MaxBodyBytes)
        {
            notification = null;
            failure = SunbayWebhookFailureReason.TooLarge;
            return;
        }

        _verifier.TryVerify(headers, body, out notification, out failure);
    }

    /// <summary>
    /// A final state of a payment started through the payment journal (AddCardPaymentRecovery): resolved now and
    /// delivered to the outcome handler, once across instances however the webhook and the recovery service race.
    /// A failure leaves the entry to the recovery service; the webhook is still processed.
    /// </summary>
    private async Task ResolveJournaledAsync(Transaction transaction, CancellationToken stopping)
    {
        if (!transaction.Status.IsFinal || string.IsNullOrEmpty(transaction.TransactionRequestId))
        {
            return;
        }

        try
        {
            if (_recovery() is { } recovery)
            {
                await recovery.ResolveAsync(transaction.TransactionRequestId, "webhook", stopping).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            Log.JournalResolveFailed(_logger, transaction.TransactionRequestId, ex);
        }
    }

    /// <summary>Publishes and runs the handler; never throws. A failure releases the claim so a re-delivery is processed.</summary>
    private async Task<bool> ProcessAsync(TransactionNotification notification, Func<TransactionNotification, IServiceProvider, CancellationToken, Task> handler)
    {
        var started = _time.GetTimestamp();
        var transaction = notification.Transaction;
        CancellationToken stopping;
        try
        {
            stopping = _stopping.Token;
        }
        catch (ObjectDisposedException)
        {
            stopping = new CancellationToken(canceled: true);
        }

        try
        {
            await _bus.PublishAsync(transaction, stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            Log.PublishFailed(_logger, notification.ClientRequestId, ex);
        }

        await ResolveJournaledAsync(transaction, stopping).ConfigureAwait(false);

        try
        {
            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await handler(notification, scope.ServiceProvider, stopping).ConfigureAwait(false);
            }

            var elapsed = _time.GetElapsedTime(started);
            Log.Processed(_logger, notification.ClientRequestId, transaction.TransactionRequestId, transaction.Status, elapsed.TotalMilliseconds);
            WebhookTelemetry.Deliveries.Add(1, new KeyValuePair<string, object?>("sunbay.webhook.outcome", "processed"));
            WebhookTelemetry.ProcessingDuration.Record(elapsed.TotalSeconds);
            return true;
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(_logger, notification.ClientRequestId, transaction.TransactionRequestId, ex);
            WebhookTelemetry.Deliveries.Add(1, new KeyValuePair<string, object?>("sunbay.webhook.outcome", "failed"));
            try
            {
                await _store.ReleaseAsync(notification.DeduplicationKey, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception releaseError)
            {
                Log.StoreFailed(_logger, notification.ClientRequestId, releaseError);
            }

            return false;
        }
    }

    private async Task RejectAsync(HttpContext context, SunbayWebhookFailureReason reason)
    {
        var status = StatusCodeFor(reason);
        Log.Rejected(_logger, status, reason);
        WebhookTelemetry.Deliveries.Add(1, new KeyValuePair<string, object?>("sunbay.webhook.outcome", "rejected"), new KeyValuePair<string, object?>("sunbay.webhook.reason", reason.ToString()));
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(reason.ToString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task AcknowledgeAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Received, context.RequestAborted).ConfigureAwait(false);
    }
}
