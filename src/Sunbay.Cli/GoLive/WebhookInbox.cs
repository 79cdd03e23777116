using Sunbay.Client;
using Sunbay.Client.Webhooks;

namespace Sunbay.Cli;

/// <summary>
/// What the in-process webhook receiver saw, for the go-live check: verified notifications and rejected deliveries, and a
/// wait for the one of a transaction.
/// </summary>
internal sealed class WebhookInbox : IWebhookObserver
{
    private readonly object _gate = new();
    private readonly List<TransactionNotification> _verified = [];
    private readonly List<WebhookRejection> _rejected = [];
    private readonly TimeProvider _time;
    private TaskCompletionSource _changed = NewSignal();

    public WebhookInbox(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>How many deliveries were rejected so far: pass it to <see cref="WaitAsync"/> to ignore older ones.</summary>
    public int RejectedCount
    {
        get
        {
            lock (_gate)
            {
                return _rejected.Count;
            }
        }
    }

    public IReadOnlyList<TransactionNotification> Verified
    {
        get
        {
            lock (_gate)
            {
                return [.. _verified];
            }
        }
    }

    public IReadOnlyList<WebhookRejection> Rejected
    {
        get
        {
            lock (_gate)
            {
                return [.. _rejected];
            }
        }
    }

    /// <inheritdoc/>
    public void OnVerified(TransactionNotification notification)
    {
        lock (_gate)
        {
            _verified.Add(notification);
        }

        Pulse();
    }

    /// <inheritdoc/>
    public void OnRejected(int statusCode, string? transactionRequestId)
    {
        lock (_gate)
        {
            _rejected.Add(new WebhookRejection(statusCode, transactionRequestId, _time.GetUtcNow()));
        }

        Pulse();
    }

    /// <summary>
    /// Waits for the verified final notification of <paramref name="transactionRequestId"/>; stops early when a delivery
    /// about it is rejected (a wrong secret never gets better), or one that names no transaction is rejected after the
    /// first <paramref name="rejectedBefore"/> rejections; otherwise at <paramref name="timeout"/>.
    /// </summary>
    public async Task<WebhookWaitResult> WaitAsync(string transactionRequestId, int rejectedBefore, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, _time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var found = _verified.FirstOrDefault(n => n.Transaction.TransactionRequestId == transactionRequestId && n.Transaction.Status.IsFinal);
                if (found is not null)
                {
                    return new WebhookWaitResult(found, null);
                }

                var rejected = _rejected.Select((r, i) => (r, i)).FirstOrDefault(x =>
                    x.r.TransactionRequestId == transactionRequestId || (x.r.TransactionRequestId is null && x.i >= rejectedBefore)).r;
                if (rejected is not null)
                {
                    return new WebhookWaitResult(null, rejected);
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new WebhookWaitResult(null, null);
            }
        }
    }

    private void Pulse()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A webhook delivery the receiver answered with an error.</summary>
internal sealed record WebhookRejection(int StatusCode, string? TransactionRequestId, DateTimeOffset Time)
{
    /// <summary>What the status means for whoever configures the receiver.</summary>
    public string Explanation => StatusCode switch
    {
        401 => "HTTP 401: signature or X-Timestamp did not verify. Check that Sunbay__Webhooks__Secrets__0 is the webhook signing secret of this environment (production has its own) and that this machine's clock is right",
        413 => "HTTP 413: the body was larger than Sunbay:Webhooks:MaxBodyBytes",
        400 => "HTTP 400: a header (X-Signature, X-Timestamp, X-Client-Request-Id) was missing or the body was not a transaction",
        _ => $"HTTP {StatusCode}",
    };
}

/// <summary>The outcome of <see cref="WebhookInbox.WaitAsync"/>: a notification, a rejection, or neither (timed out).</summary>
internal sealed record WebhookWaitResult(TransactionNotification? Notification, WebhookRejection? Rejection);
