using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Sunbay.Client.Telemetry;

namespace Sunbay.Client;

/// <summary>
/// A transaction pushed to a terminal and not necessarily finished: the long-running operation behind every push call.
/// <see cref="WaitForCompletionAsync(CancellationToken)"/> polls until the final status (backoff with jitter, bounded by
/// the transaction's expiry) and returns at once when a verified webhook for it reaches this process.
/// </summary>
/// <remarks>
/// Keep <see cref="TransactionRequestId"/>: after a restart, <see cref="ISunbayClient.GetOperation(string)"/> rebuilds the
/// operation from it. A decline is a result (<see cref="TransactionStatus.Fail"/>), not an exception.
/// </remarks>
public class TransactionOperation
{
    private readonly SunbayClient? _client;
    private readonly DateTimeOffset? _expiresAt;
    private readonly long _createdTimestamp;
    private Transaction? _latest;
    private string? _requestId;

    /// <summary>For mocking in tests of code that uses this type.</summary>
    protected TransactionOperation()
    {
    }

    /// <param name="client">The client that queries.</param>
    /// <param name="transactionRequestId">The idempotency key; may be unknown (an abort naming only SUNBAY's ID), then <paramref name="initial"/> carries the ID.</param>
    /// <param name="initial">What is known so far.</param>
    /// <param name="expiresAt">The transaction's timeExpire, when known.</param>
    internal TransactionOperation(SunbayClient client, string? transactionRequestId, Transaction? initial, DateTimeOffset? expiresAt)
    {
        _client = client;
        _requestId = string.IsNullOrEmpty(transactionRequestId) ? null : transactionRequestId;
        _latest = initial;
        _expiresAt = expiresAt;
        _createdTimestamp = client.TimeProvider.GetTimestamp();
    }

    /// <summary>The idempotency key of the transaction: store it to find the transaction again. Empty while unknown.</summary>
    public virtual string TransactionRequestId => _requestId ?? string.Empty;

    /// <summary>SUNBAY's transaction ID, once known (from the dispatch answer or a query).</summary>
    public virtual string? TransactionId => _latest?.TransactionId;

    /// <summary>Whether the transaction has reached a final status (success, fail or closed).</summary>
    public virtual bool HasCompleted => _latest?.Status.IsFinal == true;

    /// <summary>How the final status was learned (a query or a verified webhook); <see langword="null"/> until completed.</summary>
    public virtual TransactionUpdateSource? CompletedBy { get; private set; }

    /// <summary>The latest state seen, final or not; <see langword="null"/> before the first answer of a rehydrated operation.</summary>
    public virtual Transaction? LastKnown => Volatile.Read(ref _latest);

    /// <summary>The final transaction.</summary>
    /// <exception cref="InvalidOperationException">The operation has not completed yet.</exception>
    public virtual Transaction Value => HasCompleted
        ? _latest!
        : throw new InvalidOperationException($"Transaction '{TransactionRequestId}' has not completed yet; await WaitForCompletionAsync first.");

    /// <summary>Queries the transaction once and returns its current state.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public virtual async Task<Transaction> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        var client = Client;
        var current = _requestId is not null
            ? await client.GetTransactionByRequestIdAsync(_requestId, cancellationToken).ConfigureAwait(false)
            : await client.GetTransactionAsync(TransactionId ?? throw new InvalidOperationException("The operation knows neither the transaction's ID nor its request ID."), cancellationToken).ConfigureAwait(false);
        if (_requestId is null && !string.IsNullOrEmpty(current.TransactionRequestId))
        {
            _requestId = current.TransactionRequestId;
        }

        return Apply(current, "poll");
    }

    /// <summary>Waits for the final status and returns the transaction (approved, declined or closed).</summary>
    /// <param name="cancellationToken">Stops waiting; the transaction itself goes on (abort it to cancel it on the terminal).</param>
    /// <exception cref="SunbayOperationTimeoutException">No final status by the transaction's expiry plus the grace period.</exception>
    public virtual Task<Transaction> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(progress: null, cancellationToken);

    /// <summary>Waits for the final status, reporting each state seen on the way (for a progress display).</summary>
    /// <param name="progress">Receives every state seen while waiting, final included.</param>
    /// <param name="cancellationToken">Stops waiting; the transaction itself goes on (abort it to cancel it on the terminal).</param>
    /// <exception cref="SunbayOperationTimeoutException">No final status by the transaction's expiry plus the grace period.</exception>
    public virtual async Task<Transaction> WaitForCompletionAsync(IProgress<Transaction>? progress, CancellationToken cancellationToken = default)
    {
        var client = Client;
        if (HasCompleted)
        {
            return _latest!;
        }

        var polling = client.CurrentOptions.Polling;
        var time = client.TimeProvider;
        var started = time.GetUtcNow();
        var interval = polling.InitialInterval;
        var notified = Listen(client);
        try
        {
            while (true)
            {
                if (notified?.IsCompleted == true)
                {
                    return Report(Apply(await notified.ConfigureAwait(false), "webhook"), progress);
                }

                try
                {
                    var current = Report(await UpdateStatusAsync(cancellationToken).ConfigureAwait(false), progress);
                    notified ??= Listen(client);
                    if (current.Status.IsFinal)
                    {
                        return current;
                    }
                }
                catch (SunbayTransportException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // A query that failed after its retries says nothing about the transaction: keep waiting.
                    Log.PollFailed(client.Logger, TransactionRequestId, ex);
                }

                var now = time.GetUtcNow();
                if (now > Deadline(started) + polling.ExpiryGracePeriod)
                {
                    throw new SunbayOperationTimeoutException(TransactionRequestId, _latest?.Status ?? default);
                }

                var delay = Task.Delay(Jittered(interval, polling.Jitter), time, cancellationToken);
                if (notified is not null && await Task.WhenAny(delay, notified).ConfigureAwait(false) == notified)
                {
                    return Report(Apply(await notified.ConfigureAwait(false), "webhook"), progress);
                }

                await delay.ConfigureAwait(false);
                if (time.GetUtcNow() - started >= polling.BackoffAfter)
                {
                    interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * polling.BackoffMultiplier), polling.MaxInterval.Ticks));
                }
            }
        }
        finally
        {
            if (_requestId is not null)
            {
                client.Waiters.Forget(_requestId);
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"TransactionOperation {TransactionRequestId}: {(_latest is null ? "unknown" : _latest.Status.ToString())}";

    private Task<Transaction>? Listen(SunbayClient client) => _requestId is null ? null : client.Waiters.WaitAsync(_requestId);

    private SunbayClient Client => _client ?? throw new InvalidOperationException("This operation was not created by a SunbayClient.");

    private DateTimeOffset Deadline(DateTimeOffset started) =>
        _expiresAt ?? (_latest?.CreatedAt ?? started) + TimeSpan.FromDays(1);

    private static TimeSpan Jittered(TimeSpan interval, double jitter) =>
        jitter <= 0 ? interval : interval * (1 + (jitter * ((Random.Shared.NextDouble() * 2) - 1)));

    private static Transaction Report(Transaction transaction, IProgress<Transaction>? progress)
    {
        progress?.Report(transaction);
        return transaction;
    }

    private Transaction Apply(Transaction current, string source)
    {
        var wasFinal = HasCompleted;
        var completes = current.Status.IsFinal && !wasFinal;
        if (completes)
        {
            // Before the state: whoever sees HasCompleted also sees how.
            CompletedBy = source == "webhook" ? TransactionUpdateSource.Webhook : TransactionUpdateSource.Query;
        }

        Volatile.Write(ref _latest, current);
        if (completes && _client is { } client)
        {
            var tags = new TagList
            {
                { "sunbay.transaction.type", current.Type.Value },
                { "sunbay.transaction.status", current.Status.ToString() },
                { "sunbay.completed_by", source },
            };
            SunbayTelemetry.TransactionOutcomes.Add(1, tags);
            SunbayTelemetry.TimeToFinal.Record(client.TimeProvider.GetElapsedTime(_createdTimestamp).TotalSeconds, tags);
            Log.TransactionCompleted(client.Logger, TransactionRequestId, current.Status, source);
        }

        return current;
    }
}
