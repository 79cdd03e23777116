using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sunbay.Client.Notifications;

namespace Sunbay.Client.Transactions;

/// <summary>
/// The status source of an operation built by <see cref="SunbayModelFactory"/>: every query answers the same final
/// transaction, an abort does nothing, and nothing is sent anywhere.
/// </summary>
internal sealed class CannedStatusSource(Transaction final) : ITransactionStatusSource
{
    public TimeProvider TimeProvider => TimeProvider.System;

    public ILogger Logger => NullLogger.Instance;

    public CancellationToken Lifetime => CancellationToken.None;

    public bool IsDisposed => false;

    public SunbayPollingOptions Polling { get; } = new();

    public Task<Transaction> QueryAsync(TransactionLookup lookup, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<Transaction>(cancellationToken) : Task.FromResult(final);

    public Task AbortAsync(AbortRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public TransactionWaiters.Registration? Listen(string transactionRequestId) => null;
}
