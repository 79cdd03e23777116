using System.Globalization;

namespace Sunbay.Client.ColdStart;

/// <summary>
/// The cold-start console's calls (see tests/Sunbay.Client.ColdStart/SdkCalls.cs) made with SUNBAY's official SDK: one
/// <c>NexusClient</c> with its defaults, one sale with the same body as Sunbay.Client's (the caller gives the
/// transactionRequestId and timeExpire, which that SDK does not fill in), one query by transactionId.
/// </summary>
internal static class SdkCalls
{
    public const string Name = "Sunbay.Nexus.Sdk";

#if SUNBAY_OFFICIAL_SDK
    public static Client Create(Uri baseAddress) =>
        new(new Sunbay.Nexus.Sdk.NexusClient(new Sunbay.Nexus.Sdk.NexusClientOptions { ApiKey = SunbayEnvelopes.ApiKey, BaseUrl = baseAddress.ToString() }));

    /// <summary>Starts one sale; returns SUNBAY's transactionId from the dispatch answer.</summary>
    public static async Task<string?> SaleAsync(Client client) =>
        (await client.Sdk.SaleAsync(new Sunbay.Nexus.Sdk.Models.Requests.SaleRequest
        {
            AppId = SunbayEnvelopes.AppId,
            MerchantId = SunbayEnvelopes.MerchantId,
            TerminalSn = SunbayEnvelopes.TerminalSn,
            ReferenceOrderId = "ORDER-20260101-0001",
            TransactionRequestId = Guid.NewGuid().ToString("N"),
            Description = "Coffee",
            TimeExpire = DateTimeOffset.UtcNow.AddMinutes(5).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            Amount = new Sunbay.Nexus.Sdk.Models.Common.SaleAmount { OrderAmount = 1000, PriceCurrency = "USD" },
        })).TransactionId;

    /// <summary>Queries one transaction; returns its transactionId and whether it succeeded.</summary>
    public static async Task<(string? TransactionId, bool Succeeded)> QueryAsync(Client client, string transactionId)
    {
        var query = await client.Sdk.QueryAsync(new Sunbay.Nexus.Sdk.Models.Requests.QueryRequest { AppId = SunbayEnvelopes.AppId, MerchantId = SunbayEnvelopes.MerchantId, TransactionId = transactionId });
        return (query.TransactionId, query.TransactionStatus == Sunbay.Nexus.Sdk.Enums.TransactionStatus.Success);
    }

    /// <summary>The SDK's client, disposable as Program.cs disposes it (that client is only asynchronously disposable).</summary>
    internal sealed class Client(Sunbay.Nexus.Sdk.NexusClient sdk) : IDisposable
    {
        public Sunbay.Nexus.Sdk.NexusClient Sdk { get; } = sdk;

        public void Dispose() => Sdk.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
#else
    private const string Missing = "Built without SUNBAY_OFFICIAL_SDK: set it to the folder of a clone of SUNBAY's sunbay-nexus-sdk-net and build again (README, Performance).";

    public static IDisposable Create(Uri baseAddress) => throw new InvalidOperationException(Missing);

    public static Task<string?> SaleAsync(IDisposable client) => throw new InvalidOperationException(Missing);

    public static Task<(string? TransactionId, bool Succeeded)> QueryAsync(IDisposable client, string transactionId) => throw new InvalidOperationException(Missing);
#endif
}
