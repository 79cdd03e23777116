using ExamplePay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.Payments;
using Sunbay.Client.Testing;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Payments;

/// <summary>
/// Example Pay, the third provider (tests/Sunbay.Client.ExampleProvider, written on the core's public surface only),
/// behind <see cref="ICardPayments"/>: registered with its own <c>AddExamplePay</c> beside SUNBAY's and CM.com's way, its
/// HTTP going to its in-memory fake on a virtual clock, and <c>CardPayments:Provider = example</c> in configuration.
/// </summary>
internal sealed class ExampleCardPaymentsFixture : ICardPaymentsFixture
{
    private const string ApiKey = "ex_test_Ab+/Cd=Ef9Gh7Kq";

    private readonly ServiceProvider _services;

    public ExampleCardPaymentsFixture()
    {
        Clock = TestClients.VirtualClock();
        Fake = new ExamplePayFake(Clock, ApiKey);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CardPayments:Provider"] = "example" })
            .Build();
        var services = new ServiceCollection();
        services.AddExamplePay(_ => Fake.CreateClient());
        services.AddCardPayments(configuration.GetSection("CardPayments"));
        _services = services.BuildServiceProvider();
        Payments = _services.GetRequiredService<ICardPayments>();
    }

    public ExamplePayFake Fake { get; }

    public FakeClock Clock { get; }

    public ICardPayments Payments { get; }

    public string Currency => "EUR";

    public int RecordedRequests => Fake.Requests;

    public Task<T> RunAsync<T>(Task<T> task) => Clock.RunUntilAsync(task, TimeSpan.FromMinutes(15));

    public void NextCardIsNeverPresented() => Fake.Next(ExampleCard.NeverPresent);

    public void NextCardIsDeclined() => Fake.Next(ExampleCard.Decline);

    public void NextCardholderCancels() => Fake.Next(ExampleCard.CardholderCancels);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
