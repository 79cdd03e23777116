using Sunbay.Client.CmCom.Telemetry;
using Sunbay.Client.CmCom.Transactions;

namespace Sunbay.Client.CmCom;

/// <summary>The waits: reads with backoff and jitter on the client's clock until the outcome is known, or the status final.</summary>
public partial class CmComTransactionOperation
{
    private ICmComStatusSource Source => _source ?? throw new InvalidOperationException("This operation was not created by a CmComClient: override the members your test uses.");

    private async Task<CmComTransaction> WaitAsync(IProgress<CmComTransaction>? progress, Func<CmComTransaction, bool> done, bool clearing, CancellationToken cancellationToken)
    {
        var source = Source;
        if (Volatile.Read(ref _latest) is { } known && done(known))
        {
            return Report(known, progress);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (source.IsDisposed)
        {
            throw new CmComClientDisposedException("wait", _terminalId, _id);
        }

        var polling = source.Polling;
        var time = source.TimeProvider;
        var started = time.GetTimestamp();
        var interval = polling.InitialInterval;
        Exception? lastError = null;

        // Ends the wait when the caller cancels or the client is disposed, whichever comes first.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, source.Lifetime);
        var token = stop.Token;
        try
        {
            while (true)
            {
                try
                {
                    var current = Report(await UpdateStatusAsync(token).ConfigureAwait(false), progress);
                    lastError = null;
                    if (done(current))
                    {
                        return current;
                    }
                }
                catch (Exception ex) when (ex is PaymentsTransportException or CmComAuthenticationException or PaymentsConfigurationException && !token.IsCancellationRequested)
                {
                    // Says nothing about the transaction, which may be paid on the terminal: keep reading. The first
                    // failure of a series is a warning, the ones after it are debug lines.
                    if (lastError is null)
                    {
                        Log.PollFailed(source.Logger, _id, _terminalId, ex);
                    }
                    else
                    {
                        Log.PollFailedAgain(source.Logger, _id, _terminalId, ex.Message);
                    }

                    lastError = ex;
                }

                await Task.Delay(Jittered(interval, polling.Jitter), time, token).ConfigureAwait(false);
                if (time.GetElapsedTime(started) >= polling.BackoffAfter)
                {
                    interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * polling.BackoffMultiplier), (clearing ? polling.ClearingMaxInterval : polling.MaxInterval).Ticks));
                }
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && source.IsDisposed)
        {
            throw new CmComClientDisposedException("wait", _terminalId, _id, ex);
        }
    }

    private static TimeSpan Jittered(TimeSpan interval, double jitter) =>
        jitter <= 0 ? interval : interval * (1 + (jitter * ((Random.Shared.NextDouble() * 2) - 1)));

    private static CmComTransaction Report(CmComTransaction transaction, IProgress<CmComTransaction>? progress)
    {
        progress?.Report(transaction);
        return transaction;
    }
}
