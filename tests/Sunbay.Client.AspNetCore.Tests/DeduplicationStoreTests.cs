using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.AspNetCore.Tests;

public sealed class DeduplicationStoreTests
{
    [Fact]
    public async Task In_memory_claims_once_until_the_window_expires()
    {
        var time = new FakeTimeProvider(TestData.Now);
        var store = new InMemoryWebhookDeduplicationStore(time);

        Assert.True(await store.TryClaimAsync("k", TimeSpan.FromMinutes(10)));
        Assert.False(await store.TryClaimAsync("k", TimeSpan.FromMinutes(10)));
        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.False(await store.TryClaimAsync("k", TimeSpan.FromMinutes(10)));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(await store.TryClaimAsync("k", TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public async Task In_memory_release_lets_the_next_delivery_claim()
    {
        var store = new InMemoryWebhookDeduplicationStore(new FakeTimeProvider(TestData.Now));

        Assert.True(await store.TryClaimAsync("k", TimeSpan.FromHours(1)));
        await store.ReleaseAsync("k");
        Assert.True(await store.TryClaimAsync("k", TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task In_memory_has_exactly_one_winner_among_racing_callers()
    {
        var store = new InMemoryWebhookDeduplicationStore(new FakeTimeProvider(TestData.Now));
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await store.TryClaimAsync("k", TimeSpan.FromHours(1)))));

        Assert.Equal(1, results.Count(won => won));
    }

    [Fact]
    public async Task In_memory_sweeps_expired_keys()
    {
        var time = new FakeTimeProvider(TestData.Now);
        var store = new InMemoryWebhookDeduplicationStore(time);
        for (var i = 0; i < 1000; i++)
        {
            await store.TryClaimAsync("old-" + i, TimeSpan.FromMinutes(1));
        }

        time.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 100; i++)
        {
            await store.TryClaimAsync("new-" + i, TimeSpan.FromMinutes(1));
        }

        Assert.True(store.Count < 1000, $"{store.Count} keys held");
    }

    [Fact]
    public async Task Distributed_cache_store_claims_once_and_releases()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var store = new AspNetCore.DistributedCacheWebhookDeduplicationStore(cache);

        Assert.True(await store.TryClaimAsync("k", TimeSpan.FromHours(1)));
        Assert.False(await store.TryClaimAsync("k", TimeSpan.FromHours(1)));
        Assert.NotNull(await cache.GetAsync("sunbay:webhook:k"));
        await store.ReleaseAsync("k");
        Assert.True(await store.TryClaimAsync("k", TimeSpan.FromHours(1)));
    }
}
