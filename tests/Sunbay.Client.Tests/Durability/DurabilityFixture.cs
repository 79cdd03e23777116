using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.Payments;
using Sunbay.Client.Payments.Durability;
using Sunbay.Client.Testing;
using Sunbay.Client.Tests.Payments;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Durability;

/// <summary>The outcomes the application's handler received, in order.</summary>
public sealed class RecordingHandler : ICardPaymentOutcomeHandler
{
    public ConcurrentQueue<CardPaymentResolution> Received { get; } = new();

    public Func<CardPaymentResolution, Task>? OnHandle { get; set; }

    public async Task HandleAsync(CardPaymentResolution resolution, CancellationToken cancellationToken)
    {
        if (OnHandle is { } onHandle)
        {
            await onHandle(resolution);
        }

        Received.Enqueue(resolution);
    }
}

/// <summary>
/// One fake provider on a virtual clock and any number of application instances on it (each its own service provider,
/// as after a restart or on another machine), sharing one journal store.
/// </summary>
public abstract class DurabilityFixture : IAsyncDisposable
{
    private readonly List<ServiceProvider> _instances = [];

    protected DurabilityFixture() => Clock = TestClients.VirtualClock();

    public static TheoryData<string> Providers => new() { "sunbay", "cm", "example" };

    public FakeClock Clock { get; }

    /// <summary>The journal every instance shares unless told otherwise.</summary>
    public IPaymentJournalStore Store { get; set; } = null!;

    public abstract string Currency { get; }

    /// <summary>Start requests (POSTs) the provider received.</summary>
    public abstract int Starts { get; }

    /// <summary>Transactions the provider holds.</summary>
    public abstract int Transactions { get; }

    public static DurabilityFixture Create(string provider, Action<FakeCmComHostOptions>? cm = null) =>
        provider switch
        {
            "sunbay" => new SunbayDurability(),
            "example" => new ExampleDurability(),
            _ => new CmComDurability(cm),
        };

    /// <summary>The fake CM.com host; null on SUNBAY.</summary>
    public virtual FakeCmComHost? CmComHost => null;

    public Money Amount(decimal value = 12.50m) => new(value, Currency);

    public CardPaymentRequest Payment(string? key = null, decimal amount = 12.50m, string reference = "order-100001") =>
        new() { Amount = Amount(amount), MerchantReference = reference, IdempotencyKey = key };

    /// <summary>The next start is processed and its answer lost.</summary>
    public abstract void LoseNextStartAnswer();

    public abstract void NextCardIsNeverPresented();

    /// <summary>An instance of the application: its payments (journaled), its recovery and its handler.</summary>
    public Instance StartInstance(IPaymentJournalStore? store = null, Action<CardPaymentJournalOptions>? configure = null)
    {
        var handler = new RecordingHandler();
        var services = new ServiceCollection();
        AddProvider(services);
        services.AddSingleton<ICardPaymentOutcomeHandler>(handler);
        services.AddSingleton(store ?? Store);
        services.AddCardPaymentJournal(configure);
        var provider = services.BuildServiceProvider();
        _instances.Add(provider);
        return new Instance(provider.GetRequiredService<ICardPayments>(), provider.GetRequiredService<CardPaymentRecovery>(), handler);
    }

    public Task<T> RunAsync<T>(Task<T> task) => Clock.RunUntilAsync(task, TimeSpan.FromMinutes(30));

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract void AddProvider(IServiceCollection services);

    public sealed record Instance(ICardPayments Payments, CardPaymentRecovery Recovery, RecordingHandler Handler);

    private sealed class SunbayDurability : DurabilityFixture
    {
        private readonly FakeSunbayHost _host;

        public SunbayDurability()
        {
            _host = FakeSunbayHost.CreateInMemory(new FakeSunbayHostOptions { TimeProvider = Clock });
            Store = new InMemoryPaymentJournalStore(Clock);
        }

        public override string Currency => "USD";

        public override int Starts => _host.Journal.Count(r => r.Endpoint is FakeEndpoint.Sale or FakeEndpoint.Refund);

        public override int Transactions => _host.Transactions.Count;

        public override void LoseNextStartAnswer() => _host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.DropAfterRecording);

        public override void NextCardIsNeverPresented() => _host.Terminals.First().NeverPresentCardNext();

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await _host.DisposeAsync();
        }

        protected override void AddProvider(IServiceCollection services)
        {
            services.AddFakeSunbay(_host);
            services.AddCardPayments(o => o.Provider = "sunbay");
        }
    }

    private sealed class CmComDurability : DurabilityFixture
    {
        public CmComDurability(Action<FakeCmComHostOptions>? configure)
        {
            var options = new FakeCmComHostOptions { TimeProvider = Clock };
            configure?.Invoke(options);
            Host = FakeCmComHost.CreateInMemory(options);
            Store = new InMemoryPaymentJournalStore(Clock);
        }

        public FakeCmComHost Host { get; }

        public override FakeCmComHost? CmComHost => Host;

        public override string Currency => "EUR";

        public override int Starts => Host.Journal.Count(r => r.Endpoint == FakeEndpoint.StartTransaction);

        public override int Transactions => Host.Transactions.Count;

        public override void LoseNextStartAnswer() => Host.Faults.Enqueue(FakeEndpoint.StartTransaction, FakeFault.DropAfterRecording);

        public override void NextCardIsNeverPresented() => Host.Terminals[0].NeverPresentCardNext();

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Host.DisposeAsync();
        }

        protected override void AddProvider(IServiceCollection services)
        {
            CmComCardPaymentsFixture.AddFakeCmCom(services, Host);
            services.AddCardPayments(o => o.Provider = "cm");
        }
    }

    /// <summary>Example Pay, the provider written on the core's public surface only (tests/Sunbay.Client.ExampleProvider).</summary>
    private sealed class ExampleDurability : DurabilityFixture
    {
        private const string ApiKey = "ex_test_durability_01";

        private readonly ExamplePay.ExamplePayFake _fake;

        public ExampleDurability()
        {
            _fake = new ExamplePay.ExamplePayFake(Clock, ApiKey);
            Store = new InMemoryPaymentJournalStore(Clock);
        }

        public override string Currency => "EUR";

        public override int Starts => _fake.Starts;

        public override int Transactions => _fake.Created;

        public override void LoseNextStartAnswer() => _fake.LoseNextStartAnswer();

        public override void NextCardIsNeverPresented() => _fake.Next(ExamplePay.ExampleCard.NeverPresent);

        protected override void AddProvider(IServiceCollection services)
        {
            // Each instance its own client over the one fake cloud, as after a restart; the fake outlives them.
            services.AddExamplePay(_ => _fake.CreateClient());
            services.AddCardPayments(o => o.Provider = "example");
        }
    }
}
