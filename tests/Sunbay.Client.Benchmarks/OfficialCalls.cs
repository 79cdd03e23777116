using System.Globalization;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// SUNBAY's official .NET SDK (Sunbay.Nexus.Sdk, built from a local clone named by the environment variable
/// SUNBAY_OFFICIAL_SDK; see the project file) as an application calls it: one <c>NexusClient</c> with its defaults, a new
/// request object per call. The application's share is the floor's: a fresh transactionRequestId (that SDK takes it from
/// the caller) and the same 5-minute timeExpire that this SDK and the floor send, so that the three bodies carry the same
/// fields (`interleaved --show-requests` prints them).
/// </summary>
internal static class OfficialCalls
{
    /// <summary>Where the contender comes from, or why it is absent, for the report.</summary>
    public static string Status =>
#if SUNBAY_OFFICIAL_SDK
        "measured, built from the local clone that SUNBAY_OFFICIAL_SDK named at build time";
#else
        "not measured: build with SUNBAY_OFFICIAL_SDK=<folder of a clone of sunbay-nexus-sdk-net> to add it (README, Performance)";
#endif

#if SUNBAY_OFFICIAL_SDK
    /// <summary>The SDK's version (its assembly's informational version), for the report.</summary>
    public static string Version { get; } =
        typeof(Sunbay.Nexus.Sdk.NexusClient).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "?";

    /// <summary>A client with the SDK's defaults (its own HttpClient, 30 s timeout, GET retries).</summary>
    public static Sunbay.Nexus.Sdk.NexusClient Create(Uri baseAddress) =>
        new(new Sunbay.Nexus.Sdk.NexusClientOptions { ApiKey = Canned.ApiKey, BaseUrl = baseAddress.ToString() });

    /// <summary>One sale: the same body as the floor's and this SDK's.</summary>
    public static Task<Sunbay.Nexus.Sdk.Models.Responses.SaleResponse> Sale(Sunbay.Nexus.Sdk.NexusClient client) =>
        client.SaleAsync(new Sunbay.Nexus.Sdk.Models.Requests.SaleRequest
        {
            AppId = Canned.AppId,
            MerchantId = Canned.MerchantId,
            TerminalSn = Canned.TerminalSn,
            ReferenceOrderId = "ORDER-20260101-0001",
            TransactionRequestId = Guid.NewGuid().ToString("N"),
            Description = "Coffee",
            TimeExpire = DateTimeOffset.UtcNow.AddMinutes(5).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            Amount = new Sunbay.Nexus.Sdk.Models.Common.SaleAmount { OrderAmount = 1000, PriceCurrency = "USD" },
        });

    /// <summary>One query by SUNBAY's transactionId.</summary>
    public static Task<Sunbay.Nexus.Sdk.Models.Responses.QueryResponse> Query(Sunbay.Nexus.Sdk.NexusClient client) =>
        client.QueryAsync(new Sunbay.Nexus.Sdk.Models.Requests.QueryRequest { AppId = Canned.AppId, MerchantId = Canned.MerchantId, TransactionId = Canned.TransactionId });

    /// <summary>What one sale and one query return, in a line: checks that the SDK read the canned answers.</summary>
    public static async Task<string> DescribeAsync(Sunbay.Nexus.Sdk.NexusClient client)
    {
        var sale = await Sale(client);
        var query = await Query(client);
        return sale.TransactionId == Canned.TransactionId && query.TransactionId == Canned.TransactionId && query.TransactionStatus == Sunbay.Nexus.Sdk.Enums.TransactionStatus.Success
            ? $"sale {sale.TransactionId} dispatched ({sale.TransactionRequestId}); query {query.TransactionId} {query.TransactionStatus} {query.Amount?.TransAmount}"
            : throw new InvalidOperationException($"Sunbay.Nexus.Sdk did not read the canned answers: sale {sale.TransactionId}, query {query.TransactionId} {query.TransactionStatus}.");
    }

    /// <summary>The client as the harness's disposable owner (the SDK's client is only <see cref="IAsyncDisposable"/>).</summary>
    public sealed class Owner(Sunbay.Nexus.Sdk.NexusClient client) : IDisposable
    {
        public void Dispose() => client.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
#endif
}
