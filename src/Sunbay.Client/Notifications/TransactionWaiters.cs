using System.Collections.Concurrent;

namespace Sunbay.Client.Notifications;

/// <summary>
/// Routes notifications from the <see cref="ITransactionNotificationBus"/> to waiting operations by
/// <c>transactionRequestId</c>: one bus subscription for all operations, one dictionary look-up per notification.
/// </summary>
internal sealed class TransactionWaiters : IDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Transaction>> _waiting = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;

    public TransactionWaiters(ITransactionNotificationBus bus) => _subscription = bus.Subscribe(OnNotification);

    /// <summary>A task that completes with the first final notification for <paramref name="transactionRequestId"/>.</summary>
    public Task<Transaction> WaitAsync(string transactionRequestId) =>
        _waiting.GetOrAdd(transactionRequestId, static _ => new TaskCompletionSource<Transaction>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Stops routing notifications for <paramref name="transactionRequestId"/> once its wait is over.</summary>
    public void Forget(string transactionRequestId) => _waiting.TryRemove(transactionRequestId, out _);

    public void Dispose() => _subscription.Dispose();

    private void OnNotification(Transaction transaction)
    {
        if (transaction.Status.IsFinal && _waiting.TryRemove(transaction.TransactionRequestId, out var waiter))
        {
            waiter.TrySetResult(transaction);
        }
    }
}
