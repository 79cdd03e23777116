using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.Payments;
using Sunbay.Client.Testing;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Payments;

/// <summary>
/// CM.com behind <see cref="ICardPayments"/>: the application's registration (<c>AddCmComClient</c>, its HTTP going
/// through an in-memory <see cref="FakeCmComHost"/> on a virtual clock) and <c>CardPayments:Provider = cm</c> in configuration.
/// </summary>
internal sealed class CmComCardPaymentsFixture : ICardPaymentsFixture
{
    private readonly ServiceProvider _services;

    public CmComCardPaymentsFixture()
    {
        Clock = TestClients.VirtualClock();
        Host = FakeCmComHost.CreateInMemory(new FakeCmComHostOptions { TimeProvider = Clock });
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CardPayments:Provider"] = "cm" })
            .Build();
        var services = new ServiceCollection();
        AddFakeCmCom(services, Host);
        services.AddCardPayments(configuration.GetSection("CardPayments"));
        _services = services.BuildServiceProvider();
        Payments = _services.GetRequiredService<ICardPayments>();
    }

    public FakeCmComHost Host { get; }

    public FakeClock Clock { get; }

    public FakeCmComTerminal Terminal => Host.Terminals[0];

    public ICardPayments Payments { get; }

    public string Currency => "EUR";

    /// <summary>
    /// The testing package's <c>AddFakeCmCom</c> (address, key, terminal, in-memory HTTP, the host's clock), and retry
    /// delays of zero, said here because the package does not change them.
    /// </summary>
    public static void AddFakeCmCom(IServiceCollection services, FakeCmComHost host)
    {
        services.AddFakeCmCom(host);
        services.Configure<Sunbay.Client.CmCom.CmComClientOptions>(o => o.Retry.BaseDelay = TimeSpan.Zero);
    }

    public int RecordedRequests => Host.Journal.Count;

    public Task<T> RunAsync<T>(Task<T> task) => Host.RunUntilAsync(task, TimeSpan.FromMinutes(15));

    public void NextCardIsNeverPresented() => Terminal.NeverPresentCardNext();

    public void NextCardIsDeclined() => Terminal.DeclineNext("05", "Do not honour");

    public void NextCardholderCancels() => Terminal.CancelNext();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Host.DisposeAsync();
    }
}
