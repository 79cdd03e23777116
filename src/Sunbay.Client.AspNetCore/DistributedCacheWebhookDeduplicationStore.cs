using Microsoft.Extensions.Caching.Distributed;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.AspNetCore;

/// <summary>
/// An <see cref="IWebhookDeduplicationStore"/> over any <see cref="IDistributedCache"/> (SQL Server, Cosmos DB, ...), for
/// receivers with several instances.
/// </summary>
/// <remarks>
/// <b>Not strictly atomic.</b> <see cref="IDistributedCache"/> has no add-if-absent, so a claim is "read, write a random
/// token, read the token back": two instances that race on one key within a few milliseconds can both win and run the
/// handler twice (SUNBAY's own retries are seconds apart, so this needs two copies arriving at once). Where exactly once
/// matters, use <c>RedisWebhookDeduplicationStore</c> from <c>Sunbay.Client.Redis</c>, which claims with Redis
/// <c>SET NX</c>, or make the handler idempotent.
/// </remarks>
public sealed class DistributedCacheWebhookDeduplicationStore : IWebhookDeduplicationStore
{
    private readonly IDistributedCache _cache;
    private readonly string _prefix;

    /// <summary>Creates a store.</summary>
    /// <param name="cache">The shared cache.</param>
    /// <param name="keyPrefix">Prepended to every key; default <c>sunbay:webhook:</c>.</param>
    public DistributedCacheWebhookDeduplicationStore(IDistributedCache cache, string keyPrefix = "sunbay:webhook:")
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        _cache = cache;
        _prefix = keyPrefix;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var cacheKey = _prefix + key;
        if (await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        var token = Guid.NewGuid().ToByteArray();
        await _cache.SetAsync(cacheKey, token, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = window }, cancellationToken).ConfigureAwait(false);
        var stored = await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        return stored is not null && stored.AsSpan().SequenceEqual(token);
    }

    /// <inheritdoc/>
    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _cache.RemoveAsync(_prefix + key, cancellationToken).ConfigureAwait(false);
    }
}
