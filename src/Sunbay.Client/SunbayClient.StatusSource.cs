using Microsoft.Extensions.Logging;
using Sunbay.Client.Notifications;
using Sunbay.Client.Transactions;

namespace Sunbay.Client;

/// <summary>The client as the status source of the operations it returns: each member delegates to the client's own.</summary>
public sealed partial class SunbayClient : ITransactionStatusSource
{
    TimeProvider ITransactionStatusSource.TimeProvider => TimeProvider;

    ILogger ITransactionStatusSource.Logger => Logger;

    CancellationToken ITransactionStatusSource.Lifetime => Lifetime;

    bool ITransactionStatusSource.IsDisposed => IsDisposed;

    SunbayPollingOptions ITransactionStatusSource.Polling => CurrentOptions.Polling;

    Task<Transaction> ITransactionStatusSource.QueryAsync(TransactionLookup lookup, CancellationToken cancellationToken) =>
        GetTransactionAsync(lookup, cancellationToken);

    async Task ITransactionStatusSource.AbortAsync(AbortRequest request, CancellationToken cancellationToken) =>
        await StartAbortAsync(request, cancellationToken).ConfigureAwait(false);

    TransactionWaiters.Registration? ITransactionStatusSource.Listen(string transactionRequestId) => Waiters.Register(transactionRequestId);
}
