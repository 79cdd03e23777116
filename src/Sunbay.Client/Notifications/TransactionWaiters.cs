namespace Sunbay.Client.Notifications;

/// <summary>
/// Routes notifications from the <see cref="ITransactionNotificationBus"/> to waiting operations by
/// <c>transactionRequestId</c>: one bus subscription for all operations, one dictionary look-up per notification.
/// </summary>
/// <remarks>
/// Every wait registers on its own (<see cref="Register"/>) and unregisters only itself, so a wait that ends (cancelled,
/// timed out) never takes the notification away from another wait on the same transaction, whether it waits through the
/// same operation object or another one for the same <c>transactionRequestId</c>.
/// </remarks>
internal sealed class TransactionWaiters : IDisposable
{
    private readonly Dictionary<string, List<Registration>> _waiting = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;

    public TransactionWaiters(ITransactionNotificationBus bus) => _subscription = bus.Subscribe(OnNotification);

    /// <summary>How many waits are registered, all transactions together (for tests).</summary>
    internal int Count
    {
        get
        {
            lock (_waiting)
            {
                return _waiting.Values.Sum(l => l.Count);
            }
        }
    }

    /// <summary>
    /// Registers one wait for <paramref name="transactionRequestId"/>: its <see cref="Registration.Notified"/> completes
    /// with the first final notification. Dispose the registration when the wait is over.
    /// </summary>
    public Registration Register(string transactionRequestId)
    {
        var registration = new Registration(this, transactionRequestId);
        lock (_waiting)
        {
            if (!_waiting.TryGetValue(transactionRequestId, out var list))
            {
                _waiting[transactionRequestId] = list = [];
            }

            list.Add(registration);
        }

        return registration;
    }

    public void Dispose() => _subscription.Dispose();

    private void Remove(Registration registration)
    {
        lock (_waiting)
        {
            if (_waiting.TryGetValue(registration.TransactionRequestId, out var list) && list.Remove(registration) && list.Count == 0)
            {
                _waiting.Remove(registration.TransactionRequestId);
            }
        }
    }

    private void OnNotification(Transaction transaction)
    {
        if (!transaction.Status.IsFinal || string.IsNullOrEmpty(transaction.TransactionRequestId))
        {
            return;
        }

        List<Registration>? waiting;
        lock (_waiting)
        {
            // Every wait registered for the transaction is told; each removes itself when it is over.
            waiting = _waiting.Remove(transaction.TransactionRequestId, out var list) ? list : null;
        }

        foreach (var registration in waiting ?? [])
        {
            registration.Complete(transaction);
        }
    }

    /// <summary>One wait's interest in one transaction's webhook.</summary>
    internal sealed class Registration : IDisposable
    {
        private readonly TransactionWaiters _owner;
        private readonly TaskCompletionSource<Transaction> _notified = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Registration(TransactionWaiters owner, string transactionRequestId)
        {
            _owner = owner;
            TransactionRequestId = transactionRequestId;
        }

        public string TransactionRequestId { get; }

        /// <summary>Completes with the first final notification for <see cref="TransactionRequestId"/>.</summary>
        public Task<Transaction> Notified => _notified.Task;

        public void Complete(Transaction transaction) => _notified.TrySetResult(transaction);

        public void Dispose() => _owner.Remove(this);
    }
}
