using System.Globalization;
using System.Text;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.Testing;

/// <summary>How a notification travels: queued or held, delayed on the host clock, signed, sent, retried and logged.</summary>
public sealed partial class FakeWebhooks
{
    internal void Notify(string url, string body, string? transactionId, string? transactionRequestId, string? status)
    {
        Notification notification;
        TimeSpan delay;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            var guid = Guid.NewGuid();
            var id = guid.ToString("D");
            if (Take(ref _envelopeNext))
            {
                body = $"{{\"code\":\"0\",\"msg\":\"Success\",\"traceId\":\"{guid:N}\",\"data\":{body}}}";
            }

            notification = new Notification(id, url, body, transactionId, transactionRequestId, status, Take(ref _duplicateNext), Take(ref _tamperNext));
            delay = _delayNext.TryDequeue(out var late) ? late : TimeSpan.Zero;
            if (Take(ref _holdNext))
            {
                _held.Add(notification);
                return;
            }
        }

        Track(Task.Run(() => DeliverAsync(notification, delay)));
    }

    private async Task DeliverAsync(Notification notification, TimeSpan delay)
    {
        var token = _stopping.Token;
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, token).ConfigureAwait(false);
            }

            var wait = _retryDelay;
            for (var attempt = 1; attempt <= _maxAttempts; attempt++)
            {
                var sent = await SendAsync(notification, token).ConfigureAwait(false);
                if (sent.StatusCode == 200)
                {
                    Log(notification, attempt, sent, duplicate: false);
                    if (notification.Duplicate)
                    {
                        Log(notification, attempt + 1, await SendAsync(notification, token).ConfigureAwait(false), duplicate: true);
                    }

                    return;
                }

                if (sent.Refused || attempt == _maxAttempts)
                {
                    Log(notification, attempt, sent, duplicate: false);
                    return;
                }

                // The retry timer exists before the attempt is logged: a test that sees the log entry can advance the clock.
                var retry = Task.Delay(wait, _time, token);
                Log(notification, attempt, sent, duplicate: false);
                await retry.ConfigureAwait(false);
                wait *= 2;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The host is being disposed.
        }
        catch (ObjectDisposedException)
        {
            // The host was disposed while a delivery waited.
        }
    }

    /// <summary>One POST of the notification; never throws except on cancellation.</summary>
    private async Task<Attempt> SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        // Signed as SUNBAY signs it; a tampered delivery changes the body after signing, so its signature no longer fits.
        var signed = _signer?.Sign(notification.Body, notification.Id);
        var signature = signed?.Headers.Signature ?? string.Empty;
        var body = notification.Tampered ? notification.Body.Insert(1, "\"tampered\":true,") : notification.Body;
        var now = _time.GetUtcNow();
        if (!Uri.TryCreate(notification.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !uri.IsLoopback)
        {
            return new Attempt(null, "refused: FakeSunbayHost delivers webhooks to loopback http(s) URLs only", body, signature, now, Refused: true);
        }

        try
        {
            var headers = signed?.Headers ?? new SunbayWebhookHeaders(signature, now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), notification.Id);
            using var request = new SunbayWebhookMessage(Encoding.UTF8.GetBytes(body), headers).ToHttpRequestMessage(uri);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return new Attempt((int)response.StatusCode, null, body, signature, now, Refused: false);
        }
        catch (HttpRequestException ex)
        {
            return new Attempt(null, ex.Message, body, signature, now, Refused: false);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(null, "timeout: " + ex.Message, body, signature, now, Refused: false);
        }
    }

    private void Log(Notification notification, int attempt, Attempt sent, bool duplicate)
    {
        List<TaskCompletionSource> ready = [];
        lock (_gate)
        {
            _deliveries.Add(new WebhookDelivery(notification.Id, notification.TransactionId, notification.TransactionRequestId, notification.Status,
                notification.Url, attempt, sent.StatusCode, sent.Error, sent.Body, sent.Signature, notification.Tampered, duplicate, sent.Time));
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_deliveries.Count >= _waiters[i].Count)
                {
                    ready.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in ready)
        {
            done.TrySetResult();
        }
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _running.Add(task);
        }

        task.ContinueWith(
            t =>
            {
                lock (_gate)
                {
                    _running.Remove(t);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Add(ref int counter, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            counter += count;
        }
    }

    private static bool Take(ref int counter)
    {
        if (counter <= 0)
        {
            return false;
        }

        counter--;
        return true;
    }

    private sealed record Attempt(int? StatusCode, string? Error, string Body, string Signature, DateTimeOffset Time, bool Refused);

    private sealed record Notification(string Id, string Url, string Body, string? TransactionId, string? TransactionRequestId, string? Status, bool Duplicate, bool Tampered);
}
