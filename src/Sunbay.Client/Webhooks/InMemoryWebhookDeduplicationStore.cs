using System.Collections.Concurrent;

namespace Sunbay.Client.Webhooks;

/// <summary>
/// The default <see cref="IWebhookDeduplicationStore"/>: atomic within one process, expiry on a <see cref="TimeProvider"/>.
/// Behind a load balancer with several instances use a shared store (Redis: <c>Sunbay.Client.Redis</c>).
/// </summary>
public sealed class InMemoryWebhookDeduplicationStore : IWebhookDeduplicationStore
{
    private const int SweepEvery = 1024;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _claims = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _claimsSinceSweep;

    /// <summary>Creates a store.</summary>
    /// <param name="timeProvider">The clock for expiry; default <see cref="TimeProvider.System"/>.</param>
    public InMemoryWebhookDeduplicationStore(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <summary>The number of keys held, expired ones not yet swept included.</summary>
    public int Count => _claims.Count;

    /// <inheritdoc/>
    public ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
        if (Interlocked.Increment(ref _claimsSinceSweep) >= SweepEvery)
        {
            Sweep(now);
        }

        var expires = now + window;
        while (true)
        {
            if (_claims.TryAdd(key, expires))
            {
                return new ValueTask<bool>(true);
            }

            if (!_claims.TryGetValue(key, out var current))
            {
                continue; // released in between: try to add again
            }

            if (current > now)
            {
                return new ValueTask<bool>(false);
            }

            if (_claims.TryUpdate(key, expires, current))
            {
                return new ValueTask<bool>(true); // an expired claim, taken over atomically
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        _claims.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    private void Sweep(DateTimeOffset now)
    {
        Interlocked.Exchange(ref _claimsSinceSweep, 0);
        foreach (var claim in _claims)
        {
            if (claim.Value <= now)
            {
                _claims.TryRemove(claim);
            }
        }
    }
}
