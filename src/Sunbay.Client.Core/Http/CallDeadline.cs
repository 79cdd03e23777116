using Polly.Timeout;

namespace Sunbay.Client.Http;

/// <summary>
/// A time limit on the pipeline's clock, linked to the caller's token. It does what Polly's timeout strategy does, inside
/// the pipeline's own async methods: a strategy layer costs an async state machine per call, and a push and a query
/// each need one limit more than their retry and breaker. <see langword="default"/> is no limit.
/// </summary>
/// <remarks>
/// A call's limit can also bound its first attempt (a query's attempt limit, shorter than its total): its source is then
/// armed for the attempt's limit, and <see cref="EndFirstAttempt"/> re-arms it for what is left of the total, or, when
/// the attempt's limit ended the attempt, replaces it. So a query answered at its first attempt, the common case, costs
/// one source and one timer instead of two linked ones (about 300 bytes a call, issue 22); a retry's attempt gets a
/// limit of its own. A mutable struct: kept in one place (the call's field), never copied.
/// </remarks>
internal struct CallDeadline : IDisposable
{
    private readonly TimeProvider? _time;
    private readonly CancellationToken _outer;
    private readonly long _started;
    private CancellationTokenSource? _source;
    private ITimer? _timer;

    /// <summary>While positive: the source is armed for the first attempt's limit, which this is.</summary>
    private TimeSpan _firstAttempt;

    /// <param name="time">The clock of the limit.</param>
    /// <param name="limit">The limit; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="outer">The caller's token.</param>
    public CallDeadline(TimeProvider time, TimeSpan limit, CancellationToken outer)
        : this(time, limit, Timeout.InfiniteTimeSpan, outer)
    {
    }

    /// <param name="time">The clock of the limits.</param>
    /// <param name="limit">The call's limit; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="firstAttempt">The first attempt's limit, which the call's source also enforces until <see cref="EndFirstAttempt"/> when it is the shorter one.</param>
    /// <param name="outer">The caller's token.</param>
    public CallDeadline(TimeProvider time, TimeSpan limit, TimeSpan firstAttempt, CancellationToken outer)
    {
        _time = time;
        Limit = limit;
        _outer = outer;
        _source = NewSource(outer);
        var armed = limit;
        if (firstAttempt > TimeSpan.Zero && (limit == Timeout.InfiniteTimeSpan || firstAttempt < limit))
        {
            _firstAttempt = firstAttempt;
            _started = time.GetTimestamp();
            armed = firstAttempt;
        }

        Arm(armed);
    }

    public TimeSpan Limit { get; }

    /// <summary>Cancelled by the caller or when the limit passes (until <see cref="EndFirstAttempt"/>, also when the first attempt's limit passes).</summary>
    public readonly CancellationToken Token => _source?.Token ?? _outer;

    /// <summary>Whether a limit, and not the caller, ended the work.</summary>
    public readonly bool Expired => _source is { IsCancellationRequested: true } && !_outer.IsCancellationRequested;

    /// <summary>
    /// A cancellation caused by a limit becomes the <see cref="TimeoutRejectedException"/> the retry and the error
    /// classifier know, naming the first attempt's limit while the source is armed for it.
    /// </summary>
    public readonly Exception? Translate(Exception? error)
    {
        if (error is not OperationCanceledException || !Expired)
        {
            return error;
        }

        var limit = _firstAttempt > TimeSpan.Zero ? _firstAttempt : Limit;
        return new TimeoutRejectedException($"The operation didn't complete within the allowed timeout of '{limit}'.", limit, error);
    }

    /// <summary>
    /// The first attempt is over: from now on only the call's limit counts, from the call's start. The source is re-armed
    /// for what is left of it; when the first attempt's limit has already cancelled it, a new source takes its place (so
    /// get <see cref="Token"/> again after this).
    /// </summary>
    public void EndFirstAttempt()
    {
        if (_firstAttempt <= TimeSpan.Zero || _time is null)
        {
            return;
        }

        _firstAttempt = TimeSpan.Zero;
        var left = Limit == Timeout.InfiniteTimeSpan ? Limit : Max(Limit - _time.GetElapsedTime(_started), TimeSpan.Zero);
        if (_source is { IsCancellationRequested: true } && !_outer.IsCancellationRequested)
        {
            DisposeSource();
            _source = NewSource(_outer);
            Arm(left);
        }
        else if (left == Timeout.InfiniteTimeSpan)
        {
            Disarm();
        }
        else if (_timer is { } timer)
        {
            timer.Change(left, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _source?.CancelAfter(left);
        }
    }

    public void Dispose() => DisposeSource();

    private static CancellationTokenSource NewSource(CancellationToken outer) =>
        outer.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(outer) : new CancellationTokenSource();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private void Arm(TimeSpan limit)
    {
        if (limit == Timeout.InfiniteTimeSpan || _source is null || _time is null)
        {
            return;
        }

        if (ReferenceEquals(_time, TimeProvider.System))
        {
            _source.CancelAfter(limit);
        }
        else
        {
            _timer = _time.CreateTimer(static state => CancelQuietly((CancellationTokenSource)state!), _source, limit, Timeout.InfiniteTimeSpan);
        }
    }

    private readonly void Disarm()
    {
        if (_timer is { } timer)
        {
            timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _source?.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    private void DisposeSource()
    {
        _timer?.Dispose();
        _source?.Dispose();
        _timer = null;
        _source = null;
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
