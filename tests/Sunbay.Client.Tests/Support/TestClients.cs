using Microsoft.Extensions.Time.Testing;

namespace Sunbay.Client.Tests.Support;

/// <summary>Builds clients over a <see cref="StubHandler"/> with test options and a fake clock.</summary>
internal static class TestClients
{
    public const string ApiKey = "sk_test_4f8e2a91c0d3b7e6";

    public static SunbayClientOptions Options(Action<SunbayClientOptions>? configure = null)
    {
        var options = new SunbayClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:5999/"),
            ApiKey = ApiKey,
            AppId = "test_app_0001",
            MerchantId = "M1260231004",
            TerminalSn = "T1",
        };
        options.Retry.BaseDelay = TimeSpan.Zero;
        configure?.Invoke(options);
        return options;
    }

    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Start);

    /// <summary>A virtual clock that <see cref="Sunbay.Client.Testing.FakeClock.RunUntilAsync{T}"/> drives from one due timer to the next.</summary>
    public static Sunbay.Client.Testing.FakeClock VirtualClock() => new(Start);

    public static SunbayClient Create(StubHandler handler, TimeProvider? time = null, Action<SunbayClientOptions>? configure = null, ITransactionNotificationBus? bus = null) =>
        new(Options(configure), handler, time ?? Clock(), notificationBus: bus);

    public static SaleRequest Sale(long amount = 1000, string? transactionRequestId = null) => new()
    {
        Amount = amount,
        Currency = "USD",
        ReferenceOrderId = "ORDER-0001",
        Description = "Coffee x2",
        TransactionRequestId = transactionRequestId,
    };
}
