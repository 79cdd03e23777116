using Polly.Timeout;

namespace Sunbay.Client.Http;

/// <summary>
/// A time limit on the pipeline's clock, linked to the caller's token. It does what Polly's timeout strategy does, inside
/// the pipeline's own async methods: a strategy layer costs an async state machine per call, and a push and a query
/// each need one limit more than their retry and breaker. <see langword="default"/> is no limit.
/// </summary>
internal readonly struct CallDeadline : IDisposable
{
    private readonly CancellationTokenSource? _source;
    private readonly ITimer? _timer;
    private readonly CancellationToken _outer;

    public CallDeadline(TimeProvider time, TimeSpan limit, CancellationToken outer)
    {
        Limit = limit;
        _outer = outer;
        _source = outer.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(outer) : new CancellationTokenSource();
        if (limit == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (ReferenceEquals(time, TimeProvider.System))
        {
            _source.CancelAfter(limit);
        }
        else
        {
            _timer = time.CreateTimer(static state => CancelQuietly((CancellationTokenSource)state!), _source, limit, Timeout.InfiniteTimeSpan);
        }
    }

    public TimeSpan Limit { get; }

    /// <summary>Cancelled by the caller or when the limit passes.</summary>
    public CancellationToken Token => _source?.Token ?? _outer;

    /// <summary>Whether the limit, and not the caller, ended the work.</summary>
    public bool Expired => _source is { IsCancellationRequested: true } && !_outer.IsCancellationRequested;

    /// <summary>A cancellation caused by the limit becomes the <see cref="TimeoutRejectedException"/> the retry and the error classifier know.</summary>
    public Exception? Translate(Exception? error) =>
        error is OperationCanceledException && Expired
            ? new TimeoutRejectedException($"The operation didn't complete within the allowed timeout of '{Limit}'.", Limit, error)
            : error;

    public void Dispose()
    {
        _timer?.Dispose();
        _source?.Dispose();
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call ended (and disposed its limit) as the timer fired.
        }
    }
}
