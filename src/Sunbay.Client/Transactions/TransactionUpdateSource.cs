namespace Sunbay.Client;

/// <summary>How an operation learned a transaction's state.</summary>
public enum TransactionUpdateSource
{
    /// <summary>A query (polling, or <see cref="TransactionOperation.UpdateStatusAsync(CancellationToken)"/>).</summary>
    Query = 0,

    /// <summary>A verified webhook published to the <see cref="ITransactionNotificationBus"/>.</summary>
    Webhook = 1,
}
