using Sunbay.Client.CmCom;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// The one place where this project builds a <see cref="CmComClient"/> and calls its purchase and read (public API only),
/// as <see cref="SunbayCalls"/> does for SUNBAY. The call methods hand back the SDK's own task, unwrapped.
/// </summary>
internal static class CmComCalls
{
    /// <summary>A client as an application builds one without dependency injection: default pipeline and primary handler.</summary>
    public static CmComClient Create(Uri baseAddress, HttpMessageHandler? primaryHandler = null) =>
        new(new CmComClientOptions { BaseAddress = baseAddress, ApiKey = CmComEnvelopes.ApiKey, Terminal = CmComEnvelopes.Terminal }, primaryHandler);

    /// <summary>One purchase as an application starts it (a new request object per purchase).</summary>
    public static Task Purchase(CmComClient client) =>
        client.StartPurchaseAsync(new CmComPurchaseRequest { MerchantOrderReference = "ORDER-20260101-0001", Amount = 10.00m, Currency = "EUR" });

    /// <summary>One read of a transaction by CM.com's id.</summary>
    public static Task Get(CmComClient client) => client.GetTransactionAsync(CmComEnvelopes.TransactionId);

    /// <summary>What one purchase and one read return, in a line: checks that the client read the canned answers.</summary>
    public static async Task<string> DescribeAsync(CmComClient client)
    {
        var started = await client.StartPurchaseAsync(new CmComPurchaseRequest { MerchantOrderReference = "ORDER-20260101-0001", Amount = 10.00m, Currency = "EUR" });
        var read = await client.GetTransactionAsync(CmComEnvelopes.TransactionId);
        return started.Id == CmComEnvelopes.TransactionId && read.Status == CmComTransactionStatus.Cleared
            ? $"purchase {started.Id} created; get {read.Id} {read.Status} {read.Result} {read.Amount}"
            : throw new InvalidOperationException($"CmComClient did not read the canned answers: purchase {started.Id}, get {read.Id} {read.Status}.");
    }
}
