using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sunbay.Client.Operations;
using Sunbay.Client.Payments;

namespace Sunbay.Client.Pipeline;

/// <summary>
/// A <see cref="CardPaymentOperation"/> whose final state is learned by reading the provider: the SDK's one wait (the
/// loop SUNBAY's and CM.com's operations use) with backoff, jitter and a deadline on the pipeline's clock, through
/// failed reads, ending at the first final state — read by this wait, by another wait on the same operation, or given
/// by a verified notification (<see cref="TryComplete"/>), whichever comes first. A provider says what one read is
/// (<see cref="ReadOutcomeAsync"/>) and how a cancel is asked for (<see cref="RequestCancelAsync"/>).
/// </summary>
public abstract class PolledCardPaymentOperation : CardPaymentOperation
{
    private readonly string _provider;
    private readonly TimeProvider _time;
    private readonly PaymentsPollingOptions _polling;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<Read> _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="provider">The provider's name, as in <see cref="PaymentsProviderDialect.Provider"/>.</param>
    /// <param name="id">The operation's id, which <see cref="ICardPayments.GetOperation"/> resumes it from.</param>
    /// <param name="timeProvider">The clock the wait pauses on (<see cref="PaymentsPipeline.TimeProvider"/>).</param>
    /// <param name="polling">How the wait reads; the defaults of <see cref="PaymentsPollingOptions"/> when null.</param>
    /// <param name="logger">Where failed reads are logged; nowhere by default.</param>
    /// <exception cref="PaymentsConfigurationException"><paramref name="polling"/> has a setting out of its range.</exception>
    protected PolledCardPaymentOperation(string provider, string id, TimeProvider timeProvider, PaymentsPollingOptions? polling = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(timeProvider);
        (polling ??= new()).Validate();
        _provider = provider;
        Id = id;
        _time = timeProvider;
        _polling = polling;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public override string Id { get; }

    /// <inheritdoc/>
    public override bool HasCompleted => _completed.Task.IsCompleted;

    /// <summary>The final outcome.</summary>
    /// <exception cref="InvalidOperationException">The operation has not completed: await <see cref="WaitForCompletionAsync"/>.</exception>
    public override CardPaymentOutcome Value => _completed.Task.IsCompleted
        ? _completed.Task.Result.Outcome!
        : throw new InvalidOperationException($"Operation {Id} has not completed: await WaitForCompletionAsync first.");

    /// <inheritdoc/>
    public override async Task<CardPaymentOutcome> WaitForCompletionAsync(CancellationToken cancellationToken = default)
    {
        if (_completed.Task.IsCompleted)
        {
            return Value;
        }

        var deadline = _time.GetUtcNow() + _polling.MaxWait;
        var loop = new PollingLoop<Read>
        {
            Time = _time,
            Schedule = _polling.Schedule(),
            Poll = async token => new Read(await ReadOutcomeAsync(token).ConfigureAwait(false)),
            IsDone = static read => read.Outcome is not null,
            KeepsWaiting = KeepsWaiting,
            PollFailed = (error, first) =>
            {
                if (first)
                {
                    PipelineLog.PollFailed(_logger, _provider, Id, error);
                }
                else
                {
                    PipelineLog.PollFailedAgain(_logger, _provider, Id, error.Message);
                }
            },
            Notification = () => _completed.Task,
            Deadline = () => deadline,
            TimedOut = last => new PaymentsOperationTimeoutException(
                _provider,
                $"Operation {Id} had no final state after {_polling.MaxWait.TotalMinutes:F0} min of waiting; it goes on at the provider. Wait again, or cancel it.",
                last),
        };
        var read = await loop.RunAsync(cancellationToken).ConfigureAwait(false);
        TryComplete(read.Outcome!);
        return Value;
    }

    /// <inheritdoc/>
    public override async Task<CardCancelResult> CancelAsync(CancellationToken cancellationToken = default)
    {
        // A completed operation sends nothing. After a cancel the final state is read either way: the cardholder may
        // have paid at the same instant, and a refused cancel may still end approved, declined or cancelled.
        if (!HasCompleted)
        {
            await RequestCancelAsync(cancellationToken).ConfigureAwait(false);
        }

        return CardCancelResult.After(await WaitForCompletionAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Completes the operation with a final outcome learned another way (a verified webhook): a wait in progress
    /// returns it at once. The first final state wins; a later one changes nothing.
    /// </summary>
    /// <param name="outcome">The final outcome.</param>
    /// <returns>Whether this outcome is the operation's (no other came first).</returns>
    public bool TryComplete(CardPaymentOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return _completed.TrySetResult(new Read(outcome));
    }

    /// <summary>One read of the provider: the final outcome, or <see langword="null"/> while the operation is not final.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    protected abstract Task<CardPaymentOutcome?> ReadOutcomeAsync(CancellationToken cancellationToken);

    /// <summary>Asks the provider to cancel the operation; its answer may be a refusal (too late), which the wait that follows reports.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    protected abstract Task RequestCancelAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether a failed read leaves the wait going because it says nothing about the operation: by default a transport
    /// failure (<see cref="PaymentsTransportException"/>) and a provider's server error (HTTP 5xx).
    /// </summary>
    /// <param name="failure">What the read failed with.</param>
    protected virtual bool KeepsWaiting(Exception failure) =>
        failure is PaymentsTransportException || failure is PaymentsApiException { StatusCode: >= System.Net.HttpStatusCode.InternalServerError };

    /// <summary>One read's result, as the shared wait needs a reference.</summary>
    private sealed record Read(CardPaymentOutcome? Outcome);
}
