using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sunbay.Client.CmCom.Transactions;

/// <summary>
/// The status source of an operation built by <see cref="CmComModelFactory"/>: every read answers the same transaction,
/// a cancel is too late (with that transaction), and nothing is sent anywhere.
/// </summary>
internal sealed class CannedStatusSource(CmComTransaction transaction) : ICmComStatusSource
{
    public TimeProvider TimeProvider => TimeProvider.System;

    public ILogger Logger => NullLogger.Instance;

    public CancellationToken Lifetime => CancellationToken.None;

    public bool IsDisposed => false;

    public CmComPollingOptions Polling { get; } = new();

    public Task<CmComTransaction> GetTransactionAsync(string transactionId, string? terminalId, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<CmComTransaction>(cancellationToken) : Task.FromResult(transaction);

    public Task<CmComCancelResult> CancelAsync(string transactionId, string? terminalId, CancellationToken cancellationToken) =>
        Task.FromResult(new CmComCancelResult(CmComCancelOutcome.TooLate, transaction));
}
