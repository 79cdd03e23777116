namespace Sunbay.Client;

/// <summary>
/// Carries verified transaction notifications (webhooks) to the <see cref="TransactionOperation"/>s waiting for them, so
/// that a wait completes as soon as the webhook arrives instead of at its next poll. The default works within one process;
/// an application with several instances behind a load balancer registers a shared implementation (e.g. Redis pub/sub),
/// because the webhook may reach one instance while the operation waits on another.
/// </summary>
public interface ITransactionNotificationBus
{
    /// <summary>Publishes a verified notification to every subscriber (of every instance, for a shared bus).</summary>
    /// <param name="transaction">The transaction as the verified webhook reported it.</param>
    /// <param name="cancellationToken">Cancels the publication.</param>
    ValueTask PublishAsync(Transaction transaction, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="handler"/> for every notification published from now on, until the result is disposed.</summary>
    /// <param name="handler">Called for each notification; it must be quick and must not throw.</param>
    IDisposable Subscribe(Action<Transaction> handler);
}
