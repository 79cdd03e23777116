using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Sunbay.Client.Redis;
using Sunbay.Client.Testing;
using Sunbay.Client.Webhooks;
using Xunit.Abstractions;

using Sunbay.Client.AspNetCore.Tests;

namespace Sunbay.Client.Redis.Tests;

/// <summary>Two receiver instances sharing one real Redis-protocol server, as behind a load balancer; each test runs against every backend.</summary>
[Trait("Category", "Redis")]
public sealed class RedisWebhookTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    [Theory]
    [MemberData(nameof(RedisServerFixture.Backends), MemberType = typeof(RedisServerFixture))]
    public async Task The_same_notification_delivered_to_two_instances_at_once_is_handled_once(string backend)
    {
        var counts = new ConcurrentDictionary<string, int>();
        Task Handle(TransactionNotification n, CancellationToken ct)
        {
            counts.AddOrUpdate(n.DeduplicationKey, 1, (_, c) => c + 1);
            return Task.CompletedTask;
        }

        await using var a = await WebhookReceiver.StartAsync(Handle, services: s => s.AddPaymentsRedis(redis[backend].ConnectionString));
        await using var b = await WebhookReceiver.StartAsync(Handle, services: s => s.AddPaymentsRedis(redis[backend].ConnectionString));
        var signer = new SunbayWebhookSigner(TestData.Secret);
        var messages = Enumerable.Range(0, 100)
            .Select(i => signer.Sign(TestData.Body($"req-dedup-{i}", "S", $"72258362524{i:D5}")))
            .ToList();

        // Each notification four times at once: twice to each instance (SUNBAY's retry racing the first attempt).
        using var throttle = new SemaphoreSlim(32);
        var responses = await Task.WhenAll(messages.SelectMany(m => new[] { a, b, a, b }.Select(async receiver =>
        {
            await throttle.WaitAsync();
            try
            {
                using var response = await receiver.PostAsync(m);
                return response.StatusCode;
            }
            finally
            {
                throttle.Release();
            }
        })));

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(100, counts.Count);
        Assert.All(counts, pair => Assert.Equal(1, pair.Value));
        Assert.IsType<RedisWebhookDeduplicationStore>(a.Services.GetRequiredService<IWebhookDeduplicationStore>());
    }

    [Theory]
    [MemberData(nameof(RedisServerFixture.Backends), MemberType = typeof(RedisServerFixture))]
    public async Task A_webhook_received_by_instance_A_completes_the_operation_waiting_on_instance_B(string backend)
    {
        await using var a = await WebhookReceiver.StartAsync((_, _) => Task.CompletedTask, services: s => s.AddPaymentsRedis(redis[backend].ConnectionString));
        Assert.IsType<RedisTransactionNotificationBus>(a.Services.GetRequiredService<ITransactionNotificationBus>());

        // Instance B: its own Redis connection and bus, and a client whose clock never moves, so it polls only once.
        using var connectionB = await redis[backend].ConnectAsync();
        using var busB = new RedisTransactionNotificationBus(connectionB);
        var api = new ProcessingQueryHandler("req-cross");
        using var sunbayB = new SunbayClient(TestData.ClientOptions(), primaryHandler: api, timeProvider: new FakeTimeProvider(DateTimeOffset.UtcNow), notificationBus: busB);
        var operation = sunbayB.GetOperation("req-cross");
        var waiting = operation.WaitForCompletionAsync();
        await WaitUntilAsync(() => api.Requests == 1 || waiting.IsCompleted);
        Assert.False(waiting.IsCompleted);

        var message = new SunbayWebhookSigner(TestData.Secret).Sign(TestData.Body("req-cross", "S"));
        var clock = Stopwatch.StartNew();
        var post = a.PostAsync(message);
        var transaction = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        var completedAfter = clock.Elapsed;
        using var response = await post;

        output.WriteLine($"Instance B completed {completedAfter.TotalMilliseconds:F1} ms after instance A was sent the webhook (target: 100 ms).");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TransactionStatus.Success, transaction.Status);
        Assert.Equal(1, api.Requests); // B's clock never moved: the webhook received by A, not a poll, completed B's wait
        Assert.Equal(TransactionUpdateSource.Webhook, operation.CompletedBy);
    }

    [Theory]
    [MemberData(nameof(RedisServerFixture.Backends), MemberType = typeof(RedisServerFixture))]
    public async Task A_signed_body_replayed_to_other_instances_hours_later_with_fresh_headers_runs_the_handler_once(string backend)
    {
        var time = new FakeTimeProvider(TestData.Now);
        var handled = 0;
        Task Handle(TransactionNotification n, CancellationToken ct)
        {
            Interlocked.Increment(ref handled);
            return Task.CompletedTask;
        }

        await using var a = await WebhookReceiver.StartAsync(Handle, time, services: s => s.AddPaymentsRedis(redis[backend].ConnectionString));
        await using var b = await WebhookReceiver.StartAsync(Handle, time, services: s => s.AddPaymentsRedis(redis[backend].ConnectionString));
        var signer = new SunbayWebhookSigner(TestData.Secret, time);
        var body = TestData.Body("refund-replay", "S", transactionId: "replay-" + Guid.NewGuid().ToString("N"));

        var statuses = new List<HttpStatusCode>();
        foreach (var receiver in new[] { a, b, a, b })
        {
            using var response = await receiver.PostAsync(signer.Sign(body)); // a fresh timestamp and a new request ID each time
            statuses.Add(response.StatusCode);
            time.Advance(TimeSpan.FromHours(1));
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(1, handled);
    }

    [Theory]
    [MemberData(nameof(RedisServerFixture.Backends), MemberType = typeof(RedisServerFixture))]
    public async Task The_redis_store_has_one_winner_among_racing_connections(string backend)
    {
        using var one = await redis[backend].ConnectAsync();
        using var two = await redis[backend].ConnectAsync();
        var stores = new[] { new RedisWebhookDeduplicationStore(one), new RedisWebhookDeduplicationStore(two) };
        var key = "race-" + Guid.NewGuid().ToString("N");

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => stores[i % 2].TryClaimAsync(key, TimeSpan.FromMinutes(1)).AsTask()));

        Assert.Equal(1, results.Count(won => won));
        await stores[0].ReleaseAsync(key);
        Assert.True(await stores[1].TryClaimAsync(key, TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [MemberData(nameof(RedisServerFixture.Backends), MemberType = typeof(RedisServerFixture))]
    public void AddPaymentsRedis_replaces_the_defaults_whether_called_before_or_after(string backend)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPaymentsRedis(redis[backend].ConnectionString, o => o.ChannelName = "sunbay:test:order");
        services.AddSunbayWebhooks(o => o.Secrets.Add(TestData.Secret));
        services.AddSunbayClient(o =>
        {
            o.ApiKey = "sk_test_x";
            o.AppId = "app";
            o.MerchantId = "mch";
        });
        using var provider = services.BuildServiceProvider();

        Assert.IsType<RedisTransactionNotificationBus>(provider.GetRequiredService<ITransactionNotificationBus>());
        Assert.IsType<RedisWebhookDeduplicationStore>(provider.GetRequiredService<IWebhookDeduplicationStore>());
    }

    /// <summary>Waits for a condition met by work already started (the first poll of a stub handler), without sleeping a fixed time.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a hang guard, not a measure
        while (!condition())
        {
            hang.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }
}
