using Sunbay.Client.Notifications;
using Sunbay.Client.Telemetry;
using Sunbay.Client.Transactions;

namespace Sunbay.Client;

/// <summary>The wait: polling with backoff and jitter, the webhook that ends it early, and the abort at a deadline.</summary>
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
        var interval = polling.InitialInterval;
        Exception? lastError = null;

        // Ends the wait when the caller cancels or the client is disposed, whichever comes first.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, source.Lifetime);
        var token = stop.Token;
        var registration = Listen(source);
        try
        {
            while (true)
            {
                if (registration?.Notified.IsCompleted == true)
                {
                    return await FromWebhookAsync(registration).ConfigureAwait(false);
                }

                if (HasCompleted)
                {
                    // Another wait (or UpdateStatusAsync) on this object has seen the end.
                    return Report(Value, progress);
                }

                if (abortAt is { } at && abortAttempts < MaxAbortAttempts && time.GetUtcNow() >= at)
                {
                    abortAttempts = await AbortAsync(source, abortAfter!.Value, abortAttempts, token).ConfigureAwait(false);
                }

                try
                {
                    var poll = UpdateStatusAsync(token);
                    if (registration is not null && !poll.IsCompleted && await Task.WhenAny(poll, registration.Notified).ConfigureAwait(false) == registration.Notified)
                    {
                        // The webhook beat the poll in flight: the poll's answer, whenever it comes, changes nothing.
                        _ = poll.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                        return await FromWebhookAsync(registration).ConfigureAwait(false);
                    }

                    var current = Report(await poll.ConfigureAwait(false), progress);
                    registration ??= Listen(source);
                    lastError = null;
                    if (current.Status.IsFinal)
                    {
                        return current;
                    }
                }
                catch (Exception ex) when (ex is SunbayTransportException or SunbayApiException or PaymentsConfigurationException && !token.IsCancellationRequested)
                {
                    // A failed query (or a configuration reload that failed validation, until it is fixed) says nothing
                    // about the transaction, which may be paid on the terminal: keep waiting.
                    // The first failure of a series is a warning, the ones after it are debug lines.
                    if (lastError is null)
                    {
                        Log.PollFailed(source.Logger, TransactionRequestId, ex);
                    }
                    else
                    {
                        Log.PollFailedAgain(source.Logger, TransactionRequestId, ex.Message);
                    }

                    lastError = ex;
                }

                var now = time.GetUtcNow();
                if (now > Deadline(started) + polling.ExpiryGracePeriod)
                {
                    throw new SunbayOperationTimeoutException(TransactionRequestId, LastKnown?.Status ?? default, lastError);
                }

                var pause = Jittered(interval, polling.Jitter);
                if (abortAt is { } abortTime && abortAttempts == 0 && abortTime - now < pause)
                {
                    pause = abortTime > now ? abortTime - now : TimeSpan.Zero;
                }

                var delay = Task.Delay(pause, time, token);
                if (registration is not null && await Task.WhenAny(delay, registration.Notified).ConfigureAwait(false) == registration.Notified)
                {
                    return await FromWebhookAsync(registration).ConfigureAwait(false);
                }

                await delay.ConfigureAwait(false);
                if (time.GetUtcNow() - started >= polling.BackoffAfter)
                {
                    interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * polling.BackoffMultiplier), polling.MaxInterval.Ticks));
                }
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && source.IsDisposed)
        {
            throw new SunbayClientDisposedException("wait", TransactionRequestId, ex);
        }
        finally
        {
            registration?.Dispose();
        }

        // The verified webhook ended the wait: it is the final state (unless an earlier final one already won).
        async Task<Transaction> FromWebhookAsync(TransactionWaiters.Registration notified) =>
            Report(Apply(await notified.Notified.ConfigureAwait(false), TransactionUpdateSource.Webhook), progress);
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

    private static TimeSpan Jittered(TimeSpan interval, double jitter) =>
        jitter <= 0 ? interval : interval * (1 + (jitter * ((Random.Shared.NextDouble() * 2) - 1)));

    private static Transaction Report(Transaction transaction, IProgress<Transaction>? progress)
    {
        progress?.Report(transaction);
        return transaction;
    }
}
