using Microsoft.Extensions.Logging;
using Sunbay.Client.Notifications;

namespace Sunbay.Client.Transactions;

/// <summary>
/// What a <see cref="TransactionOperation"/> needs from whoever created it, and nothing more: one query, one abort, the
/// clock and polling settings, a lifetime, a logger and the webhooks of the process. <see cref="SunbayClient"/> is the
/// source of every operation it returns; the model factory builds operations on a canned source for users'
/// unit tests.
/// </summary>
internal interface ITransactionStatusSource
{
    /// <summary>The clock for polling intervals, deadlines and the time to the final status.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>Where the operation logs its state changes and failed polls.</summary>
    ILogger Logger { get; }

    /// <summary>Cancelled when the source is disposed: ends every wait at once.</summary>
    CancellationToken Lifetime { get; }

    /// <summary>Whether the source was disposed (a wait then ends with <see cref="SunbayClientDisposedException"/>).</summary>
    bool IsDisposed { get; }

    /// <summary>The polling settings now.</summary>
    /// <exception cref="PaymentsConfigurationException">A configuration reload failed validation.</exception>
    SunbayPollingOptions Polling { get; }

    /// <summary>Queries the transaction once; only the SDK's own exceptions leave it.</summary>
    /// <param name="lookup">By SUNBAY's transaction ID or by the request ID.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<Transaction> QueryAsync(TransactionLookup lookup, CancellationToken cancellationToken);

    /// <summary>Asks the terminal to abort the transaction; the answer says nothing about its outcome, so none is returned.</summary>
    /// <param name="request">The transaction to abort and its terminal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task AbortAsync(AbortRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Registers one wait for the verified webhook of <paramref name="transactionRequestId"/>; <see langword="null"/> when
    /// the source receives no webhooks. The caller disposes the registration when the wait is over.
    /// </summary>
    /// <param name="transactionRequestId">The transaction waited for.</param>
    TransactionWaiters.Registration? Listen(string transactionRequestId);
}
