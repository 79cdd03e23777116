using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.Payments;
using Sunbay.Client.Testing;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Payments;

/// <summary>
/// SUNBAY behind <see cref="ICardPayments"/>: the application's registration (<c>AddSunbayClient</c>, pointed at an
/// in-memory <see cref="FakeSunbayHost"/> on a virtual clock) and <c>CardPayments:Provider = sunbay</c> in configuration.
/// </summary>
internal sealed class SunbayCardPaymentsFixture : ICardPaymentsFixture
{
    private readonly ServiceProvider _services;

    public SunbayCardPaymentsFixture()
    {
        Clock = TestClients.VirtualClock();
        Host = FakeSunbayHost.CreateInMemory(new FakeSunbayHostOptions { TimeProvider = Clock });
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CardPayments:Provider"] = "sunbay" })
            .Build();
        var services = new ServiceCollection();
        services.AddFakeSunbay(Host);
        services.AddCardPayments(configuration.GetSection("CardPayments"));
        _services = services.BuildServiceProvider();
        Payments = _services.GetRequiredService<ICardPayments>();
    }

    public FakeSunbayHost Host { get; }

    public FakeClock Clock { get; }

    public FakeTerminal Terminal => Host.Terminals.First();

    public ICardPayments Payments { get; }

    public string Currency => "USD";

    public int RecordedRequests => Host.Journal.Count;

    public Task<T> RunAsync<T>(Task<T> task) => Host.RunUntilAsync(task, TimeSpan.FromMinutes(15));

    public void NextCardIsNeverPresented() => Terminal.NeverPresentCardNext();

    public void NextCardIsDeclined() => Terminal.DeclineNext("05", "Do not honour");

    public void NextCardholderCancels() => Terminal.CancelNext();

    /// <summary>The requests of one endpoint the host received, oldest first.</summary>
    public List<RecordedRequest> Requests(FakeEndpoint endpoint) => Host.Journal.Where(r => r.Endpoint == endpoint).ToList();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Host.DisposeAsync();
    }
}
