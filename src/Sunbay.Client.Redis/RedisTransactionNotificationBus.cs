using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.Redis;

/// <summary>
/// An <see cref="ITransactionNotificationBus"/> shared by every instance over Redis pub/sub: a webhook received by one
/// instance completes the <see cref="TransactionOperation"/> waiting on another, typically within a millisecond or two.
/// </summary>
/// <remarks>
/// A publication reaches this instance's subscribers directly (so a Redis outage never delays a local wait) and the
/// other instances through the channel; each instance ignores its own messages. Messages carry the transaction in the
/// webhook's JSON form. Pub/sub is fire-and-forget: an instance that is disconnected at that moment misses the message
/// and its operation completes at its next poll instead. Anyone who can publish to the channel can complete waits, so
/// the Redis must be as trusted as the application itself.
/// </remarks>
public sealed partial class RedisTransactionNotificationBus : ITransactionNotificationBus, IDisposable
{
    private const int InstanceIdLength = 16;
    private readonly InProcessTransactionNotificationBus _local = new();
    private readonly ISubscriber _subscriber;
    private readonly RedisChannel _channel;
    private readonly byte[] _instanceId = Guid.NewGuid().ToByteArray();
    private readonly ILogger _logger;

    /// <summary>Creates the bus and subscribes to the channel (a round trip to Redis).</summary>
    /// <param name="redis">The Redis connection (shared by the application).</param>
    /// <param name="channelName">The pub/sub channel; default <c>sunbay:transactions</c>.</param>
    /// <param name="logger">Logs messages that cannot be read; default none.</param>
    public RedisTransactionNotificationBus(IConnectionMultiplexer redis, string channelName = "sunbay:transactions", ILogger<RedisTransactionNotificationBus>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentException.ThrowIfNullOrEmpty(channelName);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _subscriber = redis.GetSubscriber();
        _channel = RedisChannel.Literal(channelName);
        _subscriber.Subscribe(_channel, OnMessage);
    }

    /// <inheritdoc/>
    public async ValueTask PublishAsync(Transaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await _local.PublishAsync(transaction, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var json = SunbayWebhookPayload.Serialize(transaction);
        var message = new byte[InstanceIdLength + json.Length];
        _instanceId.CopyTo(message, 0);
        json.CopyTo(message, InstanceIdLength);
        await _subscriber.PublishAsync(_channel, message).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public IDisposable Subscribe(Action<Transaction> handler) => _local.Subscribe(handler);

    /// <summary>Unsubscribes from the channel.</summary>
    public void Dispose() => _subscriber.Unsubscribe(_channel, OnMessage, CommandFlags.FireAndForget);

    [LoggerMessage(201, LogLevel.Warning, "Ignored an unreadable message on the Sunbay transaction notification channel")]
    private static partial void UnreadableMessage(ILogger logger, Exception? exception);

    private void OnMessage(RedisChannel channel, RedisValue value)
    {
        var message = (byte[]?)value;
        if (message is null || message.Length <= InstanceIdLength)
        {
            UnreadableMessage(_logger, null);
            return;
        }

        if (message.AsSpan(0, InstanceIdLength).SequenceEqual(_instanceId))
        {
            return; // our own publication, already delivered locally
        }

        Transaction transaction;
        try
        {
            transaction = SunbayWebhookPayload.Parse(message.AsSpan(InstanceIdLength));
        }
        catch (SunbayWebhookException ex)
        {
            UnreadableMessage(_logger, ex);
            return;
        }

        var delivery = _local.PublishAsync(transaction); // in-process delivery completes synchronously
        if (!delivery.IsCompleted)
        {
            _ = delivery.AsTask();
        }
    }
}
