using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Sunbay.Client.CmCom.Tests.Support;

/// <summary>Options, clocks and clients wired to a <see cref="MerchantApiStub"/>.</summary>
internal static class TestClients
{
    public const string Key = "cm-test-key-0b1c2d3e4f";

    public static CmComClientOptions Options(Action<CmComClientOptions>? change = null)
    {
        var options = new CmComClientOptions { BaseAddress = new Uri(MerchantApiStub.Host), ApiKey = Key, Terminal = MerchantApiStub.Terminal };
        options.Retry.BaseDelay = TimeSpan.Zero; // retries at once: no clock to drive in tests of what is retried
        change?.Invoke(options);
        return options;
    }

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public static CmComClient Client(MerchantApiStub stub, CmComClientOptions? options = null, TimeProvider? time = null, ILoggerFactory? logging = null) =>
        new(options ?? Options(), stub, time ?? Clock(), logging);

    public static CmComPurchaseRequest Purchase(string reference = "inv2112280004", decimal amount = 98.75m, string currency = "EUR") =>
        new() { MerchantOrderReference = reference, Amount = amount, Currency = currency };
}
