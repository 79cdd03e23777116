using System.Collections.Immutable;

namespace Sunbay.Client;

/// <summary>The default <see cref="ITransactionNotificationBus"/>: delivers within the current process.</summary>
public sealed class InProcessTransactionNotificationBus : ITransactionNotificationBus
{
    private ImmutableArray<Action<Transaction>> _handlers = [];

    /// <inheritdoc/>
    public ValueTask PublishAsync(Transaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var handlers = _handlers; // an ImmutableArray is one reference: reading it is atomic
        foreach (var handler in handlers)
        {
            handler(transaction);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public IDisposable Subscribe(Action<Transaction> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ImmutableInterlocked.Update(ref _handlers, static (list, h) => list.Add(h), handler);
        return new Subscription(this, handler);
    }

    private sealed class Subscription(InProcessTransactionNotificationBus bus, Action<Transaction> handler) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref bus._handlers, static (list, h) => list.Remove(h), handler);
    }
}
