using Microsoft.Extensions.Logging;

namespace Sunbay.Client.CmCom.Transactions;

/// <summary>
/// What a <see cref="CmComTransactionOperation"/> needs from whoever created it, and nothing more: one read, one cancel,
/// the clock and polling settings, a lifetime and a logger. <see cref="CmComClient"/> is the source of every operation it
/// returns; the model factory builds operations on a canned source for users' unit tests.
/// </summary>
internal interface ICmComStatusSource
{
    /// <summary>The clock of polling intervals and of the time to the final status.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>Where the operation logs its state changes and failed polls.</summary>
    ILogger Logger { get; }

    /// <summary>Cancelled when the source is disposed: ends every wait at once.</summary>
    CancellationToken Lifetime { get; }

    /// <summary>Whether the source was disposed (a wait then ends with <see cref="CmComClientDisposedException"/>).</summary>
    bool IsDisposed { get; }

    /// <summary>The polling settings now.</summary>
    /// <exception cref="PaymentsConfigurationException">A configuration reload failed validation.</exception>
    CmComPollingOptions Polling { get; }

    /// <summary>Reads the transaction once; only the SDK's own exceptions leave it.</summary>
    /// <param name="transactionId">CM.com's id of the transaction.</param>
    /// <param name="terminalId">Its terminal.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<CmComTransaction> GetTransactionAsync(string transactionId, string? terminalId, CancellationToken cancellationToken);

    /// <summary>Cancels the transaction, reading its real state when CM.com refuses.</summary>
    /// <param name="transactionId">CM.com's id of the transaction.</param>
    /// <param name="terminalId">Its terminal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<CmComCancelResult> CancelAsync(string transactionId, string? terminalId, CancellationToken cancellationToken);
}
