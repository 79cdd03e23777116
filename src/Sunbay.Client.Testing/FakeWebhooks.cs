using System.Globalization;
using System.Text;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.Testing;

/// <summary>
/// Sends the transaction webhooks of a <see cref="FakeSunbayHost"/> and lets a test misbehave like a real network:
/// duplicates, late, out-of-order and tampered deliveries, and bodies wrapped in the API envelope
/// (<see cref="EnvelopeNext"/>). Each notification (by default the bare transaction) is POSTed to the transaction's
/// <c>notifyUrl</c> with <c>Content-Type: application/json; charset=utf-8</c>, <c>X-Client-Request-Id</c> (a new UUID
/// per notification, the same on each retry and duplicate), <c>X-Timestamp</c> (13-digit ms, host clock, taken at each
/// attempt) and <c>X-Signature</c> (lowercase hex HMAC-SHA256 of the raw body bytes with the first webhook secret).
/// Anything but HTTP 200 is retried, at most <see cref="FakeSunbayHostOptions.WebhookMaxAttempts"/> attempts, waiting
/// <see cref="FakeSunbayHostOptions.WebhookRetryDelay"/> and then twice as long each time, on the host clock.
/// Only loopback URLs are called (the fake never sends anything off the machine); any other URL is logged as refused.
/// </summary>
public sealed partial class FakeWebhooks : IDisposable
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly SunbayWebhookSigner? _signer;
    private readonly int _maxAttempts;
    private readonly TimeSpan _retryDelay;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<WebhookDelivery> _deliveries = [];
    private readonly List<Notification> _held = [];
    private readonly HashSet<Task> _running = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private int _duplicateNext;
    private int _tamperNext;
    private int _holdNext;
    private int _envelopeNext;
    private readonly Queue<TimeSpan> _delayNext = new();

    internal FakeWebhooks(FakeSunbayHostOptions options)
    {
        _time = options.TimeProvider;
        _signer = options.WebhookSecrets is [{ Length: > 0 } first, ..] ? new SunbayWebhookSigner(first, options.TimeProvider) : null;
        _maxAttempts = Math.Max(1, options.WebhookMaxAttempts);
        _retryDelay = options.WebhookRetryDelay;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5), UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Every delivery attempt so far, in order.</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>How many notifications are held by <see cref="HoldNext"/> and not released yet.</summary>
    public int HeldCount
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> notifications are delivered twice (same body, same <c>X-Client-Request-Id</c>): the second copy follows the acknowledged first.</summary>
    /// <param name="count">How many notifications.</param>
    public void DuplicateNext(int count = 1) => Add(ref _duplicateNext, count);

    /// <summary>The next <paramref name="count"/> notifications are altered after signing, so their <c>X-Signature</c> does not match (a receiver must reject them).</summary>
    /// <param name="count">How many notifications.</param>
    public void TamperNext(int count = 1) => Add(ref _tamperNext, count);

    /// <summary>
    /// The next <paramref name="count"/> notifications are wrapped in the API envelope,
    /// <c>{"code":"0","msg":"Success","traceId":...,"data":{transaction}}</c>, and signed as wrapped (receivers must
    /// verify the raw body, then read <c>data</c>). By default the body is the bare transaction.
    /// </summary>
    /// <param name="count">How many notifications.</param>
    public void EnvelopeNext(int count = 1) => Add(ref _envelopeNext, count);

    /// <summary>The next <paramref name="count"/> notifications are sent late: their first attempt waits <paramref name="delay"/> on the host clock.</summary>
    /// <param name="delay">How late.</param>
    /// <param name="count">How many notifications.</param>
    public void DelayNext(TimeSpan delay, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _delayNext.Enqueue(delay);
            }
        }
    }

    /// <summary>The next <paramref name="count"/> notifications are held back until <see cref="ReleaseHeld"/>, which can send them out of order.</summary>
    /// <param name="count">How many notifications.</param>
    public void HoldNext(int count = 1) => Add(ref _holdNext, count);

    /// <summary>Sends the held notifications now, newest first by default (out of order).</summary>
    /// <param name="newestFirst">Reverse the order in which they were produced.</param>
    /// <returns>How many were released.</returns>
    public int ReleaseHeld(bool newestFirst = true)
    {
        List<Notification> release;
        lock (_gate)
        {
            release = [.. _held];
            _held.Clear();
        }

        if (newestFirst)
        {
            release.Reverse();
        }

        // One after the other, so the receiver sees them in exactly this order.
        Track(Task.Run(async () =>
        {
            foreach (var notification in release)
            {
                await DeliverAsync(notification, TimeSpan.Zero).ConfigureAwait(false);
            }
        }));
        return release.Count;
    }

    /// <summary>
    /// Completes once at least <paramref name="count"/> delivery attempts have been logged (no sleeping needed). When an
    /// attempt that will be retried is logged, its retry timer already runs on the host clock, so advancing a fake
    /// clock right after this returns releases the retry.
    /// </summary>
    /// <param name="count">Number of attempts (over all notifications) to wait for.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task WaitForDeliveriesAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        TaskCompletionSource done;
        lock (_gate)
        {
            if (_deliveries.Count >= count)
            {
                return Task.CompletedTask;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Completes when no delivery is in progress (retries wait on the host clock: advance a fake clock to let them run).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task[] running;
            lock (_gate)
            {
                running = [.. _running];
            }

            if (running.Length == 0)
            {
                return;
            }

            await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops sending; deliveries in progress are cancelled.</summary>
    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _http.Dispose();
        _stopping.Dispose();
    }
}
