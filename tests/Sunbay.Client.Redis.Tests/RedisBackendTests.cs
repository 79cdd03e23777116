using StackExchange.Redis;

namespace Sunbay.Client.Redis.Tests;

/// <summary>
/// What the Redis package and its tests rely on, checked on every backend: a backend that quietly lacked one (Garnet
/// without Lua, a restart that lost data) would make the other tests prove less than they claim.
/// </summary>
[Trait("Category", "Redis")]
public sealed class RedisBackendTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Theory]
    [MemberData(nameof(RedisServerFixture.Backends), MemberType = typeof(RedisServerFixture))]
    public async Task SET_NX_PX_has_one_winner_and_expires(string backend)
    {
        using var connection = await redis[backend].ConnectAsync();
        var db = connection.GetDatabase();
        var key = "nx-" + Guid.NewGuid().ToString("N");

        Assert.True(await db.StringSetAsync(key, 1, TimeSpan.FromMinutes(1), When.NotExists));
        Assert.False(await db.StringSetAsync(key, 2, TimeSpan.FromMinutes(1), When.NotExists));
        var ttl = await db.KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(1, (int)await db.StringGetAsync(key));
    }

    [Theory]
    [MemberData(nameof(RedisServerFixture.Backends), MemberType = typeof(RedisServerFixture))]
    public async Task A_Lua_script_runs_atomically_with_keys_and_arguments(string backend)
    {
        using var connection = await redis[backend].ConnectAsync();
        var db = connection.GetDatabase();
        RedisKey key = "lua-" + Guid.NewGuid().ToString("N");
        const string CompareAndSet = """
            local current = redis.call('GET', KEYS[1])
            if current == ARGV[1] or (current == false and ARGV[1] == '') then
              redis.call('SET', KEYS[1], ARGV[2])
              return 1
            end
            return 0
            """;

        Assert.Equal(1, (int)await db.ScriptEvaluateAsync(CompareAndSet, [key], ["", "a"]));
        Assert.Equal(0, (int)await db.ScriptEvaluateAsync(CompareAndSet, [key], ["x", "b"]));
        Assert.Equal(1, (int)await db.ScriptEvaluateAsync(CompareAndSet, [key], ["a", "b"]));
        Assert.Equal("b", (string?)await db.StringGetAsync(key));
    }

    [Theory]
    [MemberData(nameof(RedisServerFixture.Backends), MemberType = typeof(RedisServerFixture))]
    public async Task Pub_sub_delivers_to_another_connection(string backend)
    {
        using var publisher = await redis[backend].ConnectAsync();
        using var subscriber = await redis[backend].ConnectAsync();
        var channel = RedisChannel.Literal("chan-" + Guid.NewGuid().ToString("N"));
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await subscriber.GetSubscriber().SubscribeAsync(channel, (_, message) => received.TrySetResult(message!));

        Assert.Equal(1, await publisher.GetSubscriber().PublishAsync(channel, "hello"));
        Assert.Equal("hello", await received.Task.WaitAsync(TimeSpan.FromSeconds(10))); // a hang guard, not a measure
    }

    [Theory]
    [MemberData(nameof(RedisServerFixture.Backends), MemberType = typeof(RedisServerFixture))]
    public async Task A_backend_stopped_and_started_again_answers_on_the_same_port_with_its_data(string name)
    {
        // Its own server: stopping the shared one would break the tests of this class running beside it.
        await using var backend = RedisServerFixture.Create(name);
        await backend.StartAsync();
        var port = backend.Port;
        using (var connection = await backend.ConnectAsync())
        {
            await connection.GetDatabase().StringSetAsync("kept", "yes", TimeSpan.FromHours(1));
        }

        await backend.StopAsync();
        using (var down = await backend.ConnectAsync())
        {
            Assert.False(down.IsConnected);
        }

        await backend.StartAsync();

        using var again = await backend.ConnectAsync();
        Assert.Equal(port, backend.Port);
        Assert.Equal("yes", (string?)await again.GetDatabase().StringGetAsync("kept"));
    }
}
