using System.Runtime.CompilerServices;

namespace Sunbay.Client.Payments.Durability;

/// <summary>
/// The default <see cref="IPaymentJournalStore"/>: in this process's memory. It keeps the rules (one request per key,
/// one delivery per outcome) for one instance while it runs; it survives no crash. Use a shared store (Redis, a
/// database) to survive one or to run several instances.
/// </summary>
public sealed class InMemoryPaymentJournalStore : IPaymentJournalStore
{
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates an empty store.</summary>
    /// <param name="time">The clock of leases and of how long closed records are kept; default the system clock.</param>
    public InMemoryPaymentJournalStore(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <inheritdoc/>
    public ValueTask<bool> TryOpenAsync(string key, string record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(record);
        lock (_slots)
        {
            if (Live(key) is { Open: true })
            {
                return ValueTask.FromResult(false);
            }

            _slots[key] = new Slot { Record = record, Open = true };
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<string?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_slots)
        {
            return ValueTask.FromResult(Live(key)?.Record);
        }
    }

    /// <inheritdoc/>
    public ValueTask UpdateAsync(string key, string record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(record);
        lock (_slots)
        {
            if (Live(key) is { Open: true } slot)
            {
                slot.Record = record;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<KeyValuePair<string, string>> ListOpenAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<KeyValuePair<string, string>> open;
        lock (_slots)
        {
            open = _slots.Where(s => s.Value.Open).Select(s => KeyValuePair.Create(s.Key, s.Value.Record)).ToList();
        }

        foreach (var entry in open)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask<bool> TryLeaseAsync(string key, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(owner);
        var now = _time.GetUtcNow();
        lock (_slots)
        {
            if (Live(key) is not { } slot)
            {
                return ValueTask.FromResult(false);
            }

            if (slot.LeaseOwner is not null && slot.LeaseUntil > now && !string.Equals(slot.LeaseOwner, owner, StringComparison.Ordinal))
            {
                return ValueTask.FromResult(false);
            }

            slot.LeaseOwner = owner;
            slot.LeaseUntil = now + duration;
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask CloseAsync(string key, string record, TimeSpan keepFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(record);
        lock (_slots)
        {
            _slots[key] = new Slot { Record = record, Open = false, KeepUntil = _time.GetUtcNow() + keepFor };
        }

        return ValueTask.CompletedTask;
    }

    private Slot? Live(string key)
    {
        if (!_slots.TryGetValue(key, out var slot))
        {
            return null;
        }

        if (!slot.Open && slot.KeepUntil <= _time.GetUtcNow())
        {
            _slots.Remove(key);
            return null;
        }

        return slot;
    }

    private sealed class Slot
    {
        public required string Record { get; set; }

        public bool Open { get; init; }

        public DateTimeOffset KeepUntil { get; init; }

        public string? LeaseOwner { get; set; }

        public DateTimeOffset LeaseUntil { get; set; }
    }
}
