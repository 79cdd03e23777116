using System.Runtime.CompilerServices;
using StackExchange.Redis;
using Sunbay.Client.Payments.Durability;

namespace Sunbay.Client.Redis;

/// <summary>
/// An <see cref="IPaymentJournalStore"/> shared by every instance over Redis: a record is a string under
/// <c>{prefix}entry:{key}</c>, the open keys a set <c>{prefix}open</c>, a delivery lease <c>{prefix}lease:{key}</c>
/// (<c>SET NX PX</c>, so of any number of instances racing exactly one wins). Opening, updating and closing are
/// transactions conditioned on the open set, so a record and its membership never disagree.
/// </summary>
/// <remarks>
/// Open records never expire; a closed record expires after the journal's <c>KeepClosedFor</c>. Records hold amounts,
/// references and provider IDs, never card data or secrets. Redis must persist (AOF or RDB) for the journal to survive
/// a Redis restart, and must be as trusted as the application: whoever writes these keys steers recovery.
/// </remarks>
public sealed class RedisPaymentJournalStore : IPaymentJournalStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;
    private readonly RedisKey _open;

    /// <summary>Creates a store.</summary>
    /// <param name="redis">The Redis connection (shared by the application).</param>
    /// <param name="keyPrefix">Prepended to every key; default <c>sunbay:journal:</c>.</param>
    public RedisPaymentJournalStore(IConnectionMultiplexer redis, string keyPrefix = "sunbay:journal:")
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        _redis = redis;
        _prefix = keyPrefix;
        _open = keyPrefix + "open";
    }

    /// <inheritdoc/>
    public async ValueTask<bool> TryOpenAsync(string key, string record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        var transaction = _redis.GetDatabase().CreateTransaction();
        transaction.AddCondition(Condition.SetNotContains(_open, key));
        _ = transaction.StringSetAsync(Entry(key), record);
        _ = transaction.SetAddAsync(_open, key);
        return await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<string?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        return await _redis.GetDatabase().StringGetAsync(Entry(key)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask UpdateAsync(string key, string record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        var transaction = _redis.GetDatabase().CreateTransaction();
        transaction.AddCondition(Condition.SetContains(_open, key));
        _ = transaction.StringSetAsync(Entry(key), record);
        await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<KeyValuePair<string, string>> ListOpenAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var database = _redis.GetDatabase();
        var keys = await database.SetMembersAsync(_open).ConfigureAwait(false);
        foreach (var member in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = (string)member!;
            if (await database.StringGetAsync(Entry(key)).ConfigureAwait(false) is { IsNull: false } record)
            {
                yield return KeyValuePair.Create(key, (string)record!);
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> TryLeaseAsync(string key, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(owner);
        cancellationToken.ThrowIfCancellationRequested();
        return await _redis.GetDatabase().StringSetAsync(_prefix + "lease:" + key, owner, duration, When.NotExists).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask CloseAsync(string key, string record, TimeSpan keepFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        var transaction = _redis.GetDatabase().CreateTransaction();
        _ = transaction.StringSetAsync(Entry(key), record, keepFor);
        _ = transaction.SetRemoveAsync(_open, key);
        _ = transaction.KeyDeleteAsync(_prefix + "lease:" + key);
        await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    private RedisKey Entry(string key) => _prefix + "entry:" + key;
}
