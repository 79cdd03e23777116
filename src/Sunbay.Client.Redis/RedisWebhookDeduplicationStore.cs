using StackExchange.Redis;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.Redis;

/// <summary>
/// An atomic <see cref="IWebhookDeduplicationStore"/> for receivers with several instances: a claim is one Redis
/// <c>SET key 1 PX window NX</c>, so of any number of instances racing on one notification exactly one wins.
/// </summary>
public sealed class RedisWebhookDeduplicationStore : IWebhookDeduplicationStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;

    /// <summary>Creates a store.</summary>
    /// <param name="redis">The Redis connection (shared by the application).</param>
    /// <param name="keyPrefix">Prepended to every key; default <c>sunbay:webhook:</c>.</param>
    public RedisWebhookDeduplicationStore(IConnectionMultiplexer redis, string keyPrefix = "sunbay:webhook:")
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        _redis = redis;
        _prefix = keyPrefix;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        return await _redis.GetDatabase().StringSetAsync(_prefix + key, 1, window, When.NotExists).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        await _redis.GetDatabase().KeyDeleteAsync(_prefix + key).ConfigureAwait(false);
    }
}
