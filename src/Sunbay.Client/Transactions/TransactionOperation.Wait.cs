using Sunbay.Client.Notifications;
using Sunbay.Client.Operations;
using Sunbay.Client.Telemetry;
using Sunbay.Client.Transactions;

namespace Sunbay.Client;

/// <summary>The wait: the core's polling loop, the webhook that ends it early, and the abort at a set time.</summary>
public partial class TransactionOperation
{
    private async Task<Transaction> WaitAsync(IProgress<Transaction>? progress, TimeSpan? abortAfter, CancellationToken cancellationToken)
    {
        var source = Source;
        if (HasCompleted)
        {
            return Value;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (source.IsDisposed)
        {
            throw new SunbayClientDisposedException("wait", TransactionRequestId);
        }

        var polling = source.Polling;
        var time = source.TimeProvider;
        var started = time.GetUtcNow();
        var abortAt = started + abortAfter;
        var abortAttempts = 0;

        // Ends the wait when the caller cancels or the client is disposed, whichever comes first.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, source.Lifetime);
        var registration = Listen(source);
        var wait = new PollingLoop<Transaction>
        {
            Time = time,
            Schedule = polling.Schedule(),
            Poll = async token =>
            {
                var current = Report(await UpdateStatusAsync(token).ConfigureAwait(false), progress);
                registration ??= Listen(source);
                return current;
            },
            IsDone = static current => current.Status.IsFinal,
            // A configuration reload that failed validation keeps the wait too, until it is fixed.
            KeepsWaiting = static ex => ex is SunbayTransportException or SunbayApiException or PaymentsConfigurationException,
            PollFailed = (ex, first) =>
            {
                if (first)
                {
                    Log.PollFailed(source.Logger, TransactionRequestId, ex);
                }
                else
                {
                    Log.PollFailedAgain(source.Logger, TransactionRequestId, ex.Message);
                }
            },
            // The verified webhook ends the wait: it is the final state (unless an earlier final one already won).
            Notification = () => registration?.Notified,
            FromNotification = notified => Report(Apply(notified, TransactionUpdateSource.Webhook), progress),
            // Another wait (or UpdateStatusAsync) on this object has seen the end.
            CompletedElsewhere = () => HasCompleted ? Report(Value, progress) : null,
            Deadline = () => Deadline(started) + polling.ExpiryGracePeriod,
            TimedOut = lastError => new SunbayOperationTimeoutException(TransactionRequestId, LastKnown?.Status ?? default, lastError),
            BeforePoll = async token =>
            {
                if (abortAt is { } at && abortAttempts < MaxAbortAttempts && time.GetUtcNow() >= at)
                {
                    abortAttempts = await AbortAsync(source, abortAfter!.Value, abortAttempts, token).ConfigureAwait(false);
                }

                return abortAttempts == 0 ? abortAt : null;
            },
        };

        try
        {
            return await wait.RunAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && source.IsDisposed)
        {
            throw new SunbayClientDisposedException("wait", TransactionRequestId, ex);
        }
        finally
        {
            registration?.Dispose();
        }
    }

    /// <summary>
    /// Sends the abort once; returns the attempts used so far, or <see cref="MaxAbortAttempts"/> when no other attempt
    /// should follow (sent, or refused by SUNBAY or by validation). Only an abort that got no answer is sent again.
    /// </summary>
    private async Task<int> AbortAsync(ITransactionStatusSource source, TimeSpan abortAfter, int attempts, CancellationToken cancellationToken)
    {
        attempts++;
        Log.Aborting(source.Logger, TransactionRequestId, abortAfter, attempts);
        try
        {
            // Its answer is not the outcome (the terminal may have approved first): the wait reads the true final state.
            await source.AbortAsync(
                new AbortRequest
                {
                    OriginalTransactionRequestId = _requestId,
                    OriginalTransactionId = _requestId is null ? TransactionId : null,
                    TerminalSn = LastKnown?.TerminalSn,
                },
                cancellationToken).ConfigureAwait(false);
            return MaxAbortAttempts;
        }
        catch (PaymentsException ex) when (ex is not SunbayClientDisposedException && !cancellationToken.IsCancellationRequested)
        {
            Log.AbortFailed(source.Logger, TransactionRequestId, ex);
            return ex is SunbayTransportException ? attempts : MaxAbortAttempts;
        }
    }

    private TransactionWaiters.Registration? Listen(ITransactionStatusSource source) => _requestId is null ? null : source.Listen(_requestId);

    private ITransactionStatusSource Source => _source ?? throw new InvalidOperationException("This operation was not created by a SunbayClient: override the members your test uses.");

    private DateTimeOffset Deadline(DateTimeOffset started) =>
        _expiresAt ?? (_latest?.CreatedAt ?? started) + TimeSpan.FromDays(1);

    private static Transaction Report(Transaction transaction, IProgress<Transaction>? progress)
    {
        progress?.Report(transaction);
        return transaction;
    }
}
