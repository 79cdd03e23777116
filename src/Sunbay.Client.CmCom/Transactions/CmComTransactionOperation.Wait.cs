using Sunbay.Client.CmCom.Telemetry;
using Sunbay.Client.CmCom.Transactions;
using Sunbay.Client.Operations;

namespace Sunbay.Client.CmCom;

/// <summary>The waits: the core's polling loop on the client's clock until the outcome is known, or the status final, within a limit.</summary>
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
        var deadline = time.GetUtcNow() + (clearing ? polling.ClearingMaxWait : polling.MaxWait);

        // Ends the wait when the caller cancels or the client is disposed, whichever comes first.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, source.Lifetime);
        var wait = new PollingLoop<CmComTransaction>
        {
            Time = time,
            Schedule = polling.Schedule(clearing ? polling.ClearingMaxInterval : null),
            Poll = async token => Report(await UpdateStatusAsync(token).ConfigureAwait(false), progress),
            IsDone = done,
            KeepsWaiting = static ex => ex is PaymentsTransportException or CmComAuthenticationException or PaymentsConfigurationException,
            PollFailed = (ex, first) =>
            {
                if (first)
                {
                    Log.PollFailed(source.Logger, _id, _terminalId, ex);
                }
                else
                {
                    Log.PollFailedAgain(source.Logger, _id, _terminalId, ex.Message);
                }
            },
            Deadline = () => deadline,
            TimedOut = lastError => new PaymentsOperationTimeoutException(
                "CM.com",
                $"CM.com transaction '{_id}' on terminal '{_terminalId}' had no {(clearing ? "clearing" : "outcome")} within {(clearing ? polling.ClearingMaxWait : polling.MaxWait)} (last status: {Volatile.Read(ref _latest)?.Status.ToString() ?? "unknown"}). Read it again later, or cancel it."
                    + (lastError is null ? string.Empty : $" The last read failed: {lastError.Message}"),
                lastError),
        };

        try
        {
            return await wait.RunAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && source.IsDisposed)
        {
            throw new CmComClientDisposedException("wait", _terminalId, _id, ex);
        }
    }

    private static CmComTransaction Report(CmComTransaction transaction, IProgress<CmComTransaction>? progress)
    {
        progress?.Report(transaction);
        return transaction;
    }
}
