using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Sunbay.Client.AspNetCore.Tests;
using Sunbay.Client.Payments;
using Sunbay.Client.Payments.Durability;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Redis.Tests;

/// <summary>
/// The payment journal on Redis, on every backend: the store's atomic rules, two instances racing to recover the same
/// entries, a webhook racing the recovery service, and Redis going down and coming back.
/// </summary>
[Trait("Category", "Redis")]
public sealed class RedisPaymentJournalTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Theory]
    [MemberData(nameof(RedisServerFixture.Backends), MemberType = typeof(RedisServerFixture))]
    public async Task The_store_opens_a_key_once_updates_only_open_keys_and_closes_with_the_record_kept(string backend)
    {
        using var connection = await redis[backend].ConnectAsync();
        var store = new RedisPaymentJournalStore(connection, $"test:{Guid.NewGuid():N}:");

        Assert.True(await store.TryOpenAsync("k1", "first"));
        Assert.False(await store.TryOpenAsync("k1", "second"));
        await store.UpdateAsync("k1", "updated");
        await store.UpdateAsync("k2", "never opened");
        Assert.Equal("updated", await store.ReadAsync("k1"));
        Assert.Null(await store.ReadAsync("k2"));
        Assert.Equal(["k1"], (await ToListAsync(store.ListOpenAsync())).Select(e => e.Key));

        Assert.True(await store.TryLeaseAsync("k1", "a", TimeSpan.FromMinutes(1)));
        Assert.False(await store.TryLeaseAsync("k1", "b", TimeSpan.FromMinutes(1)));
        await store.CloseAsync("k1", "closed", TimeSpan.FromMinutes(5));

        Assert.Empty(await ToListAsync(store.ListOpenAsync()));
        Assert.Equal("closed", await store.ReadAsync("k1"));
        Assert.True(await store.TryLeaseAsync("k1", "b", TimeSpan.FromMinutes(1))); // closing released the lease
        await store.UpdateAsync("k1", "after close");
        Assert.Equal("closed", await store.ReadAsync("k1"));
        Assert.True(await store.TryOpenAsync("k1", "reopened")); // a closed key may be opened again (never received)
    }

    [Theory]
    [MemberData(nameof(RedisServerFixture.Backends), MemberType = typeof(RedisServerFixture))]
    public async Task Of_many_connections_racing_for_one_open_or_one_lease_exactly_one_wins(string backend)
    {
        var prefix = $"test:{Guid.NewGuid():N}:";
        var connections = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => redis[backend].ConnectAsync()));
        try
        {
            var stores = connections.Select(c => new RedisPaymentJournalStore(c, prefix)).ToArray();
            var opens = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => stores[i % 4].TryOpenAsync("race", $"r{i}").AsTask()));
            var leases = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => stores[i % 4].TryLeaseAsync("race", $"o{i}", TimeSpan.FromMinutes(1)).AsTask()));

            Assert.Single(opens, o => o);
            Assert.Single(leases, l => l);
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }
    }

    [Theory]
    [MemberData(nameof(RedisServerFixture.Backends), MemberType = typeof(RedisServerFixture))]
    public async Task Two_instances_on_one_Redis_racing_to_recover_the_same_entries_deliver_each_once(string backend)
    {
        await using var world = new World(redis[backend]);
        var dead = await world.StartInstanceAsync();
        var keys = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var operation = await dead.Payments.StartPaymentAsync(World.Payment($"order-race-{i:D4}"));
            keys.Add(operation.Id);
            await world.RunAsync(world.DelayAsync(TimeSpan.FromSeconds(30))); // paid on the terminal; nobody waits
        }

        var a = await world.StartInstanceAsync();
        var b = await world.StartInstanceAsync();
        var delivered = await Task.WhenAll(a.Recovery.ResolveOpenAsync(true), b.Recovery.ResolveOpenAsync(true)); // final already: no virtual time needed

        Assert.Equal(6, delivered.Sum());
        Assert.Equal(keys.Order(StringComparer.Ordinal), a.Received.Concat(b.Received).Select(r => r.IdempotencyKey).Order(StringComparer.Ordinal));
        Assert.All(a.Received.Concat(b.Received), r => Assert.Equal(CardPaymentStatus.Approved, r.Outcome!.Status));
        Assert.Equal(6, world.Host.Transactions.Count);
    }

    [Theory]
    [MemberData(nameof(RedisServerFixture.Backends), MemberType = typeof(RedisServerFixture))]
    public async Task A_webhook_and_the_recovery_service_racing_deliver_once(string backend)
    {
        await using var world = new World(redis[backend]);
        var dead = await world.StartInstanceAsync();
        var operation = await dead.Payments.StartPaymentAsync(World.Payment("order-webhook-1"));
        await world.RunAsync(world.DelayAsync(TimeSpan.FromSeconds(30)));
        var transaction = world.Host.Transactions.Single();

        var recovering = await world.StartInstanceAsync();
        var receivedByWebhookInstance = new ConcurrentQueue<CardPaymentResolution>();
        // Declared before the receiver so that it is disposed after it: the receiver unsubscribes on this connection.
        await using var webhookConnection = await redis[backend].ConnectAsync();
        await using var receiver = await WebhookReceiver.StartAsync(
            (_, _) => Task.CompletedTask,
            world.Clock,
            services => world.AddInstance(services, webhookConnection, receivedByWebhookInstance));
        var signer = new SunbayWebhookSigner(TestData.Secret, world.Clock);
        var message = signer.Sign(TestData.Body(operation.Id, "S", transaction.TransactionId!));

        var webhook = receiver.PostAsync(message);
        var recovery = recovering.Recovery.ResolveOpenAsync(includeRecent: true);
        await Task.WhenAll(webhook, recovery); // final already: no virtual time needed

        Assert.Equal(System.Net.HttpStatusCode.OK, (await webhook).StatusCode);
        var all = receivedByWebhookInstance.Concat(recovering.Received).ToList();
        Assert.Equal(operation.Id, Assert.Single(all).IdempotencyKey);
        Assert.Empty(await ToListAsync(new RedisPaymentJournalStore(webhookConnection, world.Prefix).ListOpenAsync()));
    }

    [Theory]
    [MemberData(nameof(RedisServerFixture.Backends), MemberType = typeof(RedisServerFixture))]
    public async Task With_Redis_down_a_start_fails_before_anything_is_sent_and_when_it_is_back_the_open_entries_are_recovered(string backend)
    {
        await using var server = RedisServerFixture.Create(backend);
        await server.StartAsync();
        await using var world = new World(server);
        var app = await world.StartInstanceAsync();
        await app.Payments.StartPaymentAsync(World.Payment("order-before-down"));
        await world.RunAsync(world.DelayAsync(TimeSpan.FromSeconds(30)));

        await server.StopAsync();
        // No virtual time: the journal fails (in real time, at the Redis client's timeout) before anything else runs.
        var refused = await Assert.ThrowsAsync<PaymentJournalException>(() => app.Payments.StartPaymentAsync(World.Payment("order-while-down")));
        Assert.Contains("nothing was sent", refused.Message, StringComparison.Ordinal);
        Assert.Single(world.Host.Transactions);

        await server.StartAsync();
        await world.WaitConnectedAsync();
        var delivered = await app.Recovery.ResolveOpenAsync(includeRecent: true);
        var operation = await app.Payments.StartPaymentAsync(World.Payment("order-after-back"));

        Assert.Equal(1, delivered);
        Assert.Equal("order-before-down", Assert.Single(app.Received).Entry.MerchantReference);
        Assert.Equal(CardPaymentStatus.Approved, (await world.RunAsync(operation.WaitForCompletionAsync())).Status);
        Assert.Equal(2, world.Host.Transactions.Count);
    }

    private static async Task<List<KeyValuePair<string, string>>> ToListAsync(IAsyncEnumerable<KeyValuePair<string, string>> items)
    {
        var list = new List<KeyValuePair<string, string>>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    // Journal calls are real I/O: the starts and resolutions below run outside RunUntilAsync (they need no virtual time,
    // the fake answers at once and the transactions are final), so the clock never jumps while Redis answers.

    /// <summary>One fake SUNBAY on a virtual clock and application instances sharing one Redis journal (each with its own connection).</summary>
    private sealed class World(RedisBackend backend) : IAsyncDisposable
    {
        private readonly List<IAsyncDisposable> _owned = [];
        private readonly List<ConnectionMultiplexer> _connections = [];

        public FakeClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

        public string Prefix { get; } = $"journal:{Guid.NewGuid():N}:";

        public FakeSunbayHost Host => _host ??= FakeSunbayHost.CreateInMemory(new FakeSunbayHostOptions { TimeProvider = Clock });

        private FakeSunbayHost? _host;

        public static CardPaymentRequest Payment(string reference) => new() { Amount = new Money(12.50m, "USD"), MerchantReference = reference };

        public Task<T> RunAsync<T>(Task<T> task) => Clock.RunUntilAsync(task, TimeSpan.FromMinutes(30));

        public async Task<bool> DelayAsync(TimeSpan delay)
        {
            await Task.Delay(delay, Clock);
            return true;
        }

        public async Task<Instance> StartInstanceAsync()
        {
            var connection = await backend.ConnectAsync();
            var received = new ConcurrentQueue<CardPaymentResolution>();
            var services = new ServiceCollection();
            AddInstance(services, connection, received);
            var provider = services.BuildServiceProvider();
            _owned.Add(provider);
            _owned.Add(connection);
            _connections.Add(connection);
            return new Instance(provider.GetRequiredService<ICardPayments>(), provider.GetRequiredService<CardPaymentRecovery>(), received);
        }

        /// <summary>Waits (real time) until every instance's connection is back and answers.</summary>
        public async Task WaitConnectedAsync()
        {
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            foreach (var connection in _connections)
            {
                while (true)
                {
                    try
                    {
                        await connection.GetDatabase().PingAsync();
                        break;
                    }
                    catch (RedisException) when (DateTime.UtcNow < until)
                    {
                        await Task.Delay(100);
                    }
                }
            }
        }

        public void AddInstance(IServiceCollection services, IConnectionMultiplexer connection, ConcurrentQueue<CardPaymentResolution> received)
        {
            services.AddFakeSunbay(Host);
            services.AddCardPayments(o => o.Provider = "sunbay");
            services.AddPaymentsRedis(_ => connection, o => o.JournalKeyPrefix = Prefix);
            services.AddSingleton<ICardPaymentOutcomeHandler>(new Handler(received));
            services.AddCardPaymentJournal();
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var owned in _owned)
            {
                await owned.DisposeAsync();
            }

            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
        }
    }

    private sealed record Instance(ICardPayments Payments, CardPaymentRecovery Recovery, ConcurrentQueue<CardPaymentResolution> Received);

    private sealed class Handler(ConcurrentQueue<CardPaymentResolution> received) : ICardPaymentOutcomeHandler
    {
        public Task HandleAsync(CardPaymentResolution resolution, CancellationToken cancellationToken)
        {
            received.Enqueue(resolution);
            return Task.CompletedTask;
        }
    }
}
