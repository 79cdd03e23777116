using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Sunbay.Client.Payments;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// `-- journal [--rounds 10] [--calls 1000] [--redis host:port]`: what the payment journal costs per start. The same
/// neutral start (<c>ICardPayments.StartPaymentAsync</c>, no key: one is generated) against the canned loopback server,
/// without the journal, with the in-memory journal and, given <c>--redis</c>, with the Redis journal; alternating order
/// per round; medians of time and bytes per start, and each one's difference to the start without the journal.
/// </summary>
internal static class JournalRun
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = Measure.Option(args, "--rounds", 10);
        var calls = Measure.Option(args, "--calls", 1_000);
        var redisAt = args.SkipWhile(a => a != "--redis").Skip(1).FirstOrDefault();
        await using var server = await LoopbackServer.StartAsync();
        using var redis = redisAt is null ? null : await ConnectionMultiplexer.ConnectAsync(redisAt);
        var prefix = $"bench:{Guid.NewGuid():N}:";
        var contenders = new List<(string Name, ServiceProvider Services, ICardPayments Payments)>
        {
            Build("no journal", server.BaseAddress, journal: false, redis: null, prefix),
            Build("in-memory journal", server.BaseAddress, journal: true, redis: null, prefix),
        };
        if (redis is not null)
        {
            contenders.Add(Build("Redis journal", server.BaseAddress, journal: true, redis, prefix));
        }

        try
        {
            var samples = contenders.Select(_ => new Sample[rounds]).ToArray();
            foreach (var contender in contenders)
            {
                await Measure.BatchAsync(() => Start(contender.Payments), calls); // warm-up
            }

            for (var round = 0; round < rounds; round++)
            {
                var order = Enumerable.Range(0, contenders.Count).ToArray();
                if (round % 2 == 1)
                {
                    Array.Reverse(order);
                }

                foreach (var c in order)
                {
                    samples[c][round] = await Measure.BatchAsync(() => Start(contenders[c].Payments), calls);
                }

                Console.WriteLine(string.Create(Invariant, $"# round {round + 1}/{rounds}: ") + string.Join(", ", order.Select(c => string.Create(Invariant, $"{contenders[c].Name} {samples[c][round].Micros:F1} us"))));
            }

            var baseMicros = Measure.Median(samples[0].Select(s => s.Micros));
            var baseBytes = Measure.Median(samples[0].Select(s => s.Bytes));
            Console.WriteLine();
            Console.WriteLine("| Start (ICardPayments, loopback) | Time per start | Bytes per start | Journal's share |");
            Console.WriteLine("|---|---:|---:|---:|");
            for (var c = 0; c < contenders.Count; c++)
            {
                var micros = Measure.Median(samples[c].Select(s => s.Micros));
                var bytes = Measure.Median(samples[c].Select(s => s.Bytes));
                Console.WriteLine(string.Create(Invariant, $"| {contenders[c].Name} | {micros:F1} µs | {bytes:N0} B | {(c == 0 ? "-" : $"+{micros - baseMicros:F1} µs, +{bytes - baseBytes:N0} B")} |"));
            }

            return 0;
        }
        finally
        {
            // Before the service providers go: they dispose the connection they were given.
            if (redis is not null)
            {
                var keys = redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: prefix + "*").ToArray();
                await redis.GetDatabase().KeyDeleteAsync(keys);
            }

            foreach (var contender in contenders)
            {
                await contender.Services.DisposeAsync();
            }
        }
    }

    private static Task<CardPaymentOperation> Start(ICardPayments payments) =>
        payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(10.00m, "USD"), MerchantReference = "ORDER-20260101-0001" });

    private static (string, ServiceProvider, ICardPayments) Build(string name, Uri baseAddress, bool journal, IConnectionMultiplexer? redis, string prefix)
    {
        var services = new ServiceCollection();
        services.AddSunbayClient(o =>
        {
            var canned = SunbayCalls.Options(baseAddress);
            o.BaseAddress = canned.BaseAddress;
            o.ApiKey = canned.ApiKey;
            o.AppId = canned.AppId;
            o.MerchantId = canned.MerchantId;
            o.TerminalSn = canned.TerminalSn;
        });
        services.AddCardPayments(o => o.Provider = "sunbay");
        if (redis is not null)
        {
            services.AddPaymentsRedis(_ => redis, o => o.JournalKeyPrefix = prefix);
        }

        if (journal)
        {
            services.AddCardPaymentJournal();
        }

        var provider = services.BuildServiceProvider();
        return (name, provider, provider.GetRequiredService<ICardPayments>());
    }
}
