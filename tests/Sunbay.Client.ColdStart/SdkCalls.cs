namespace Sunbay.Client.ColdStart;

/// <summary>
/// The one place where the cold-start harness builds a <see cref="SunbayClient"/> and calls it (public API only): when
/// the core's API is renamed (e.g. queries becoming <c>GetTransactionAsync(TransactionLookup)</c>), adapt here.
/// </summary>
internal static class SdkCalls
{
    public const string Name = "Sunbay.Client";

    public static SunbayClient Create(Uri baseAddress) => new(new SunbayClientOptions
    {
        BaseAddress = baseAddress,
        ApiKey = SunbayEnvelopes.ApiKey,
        AppId = SunbayEnvelopes.AppId,
        MerchantId = SunbayEnvelopes.MerchantId,
        TerminalSn = SunbayEnvelopes.TerminalSn,
    });

    /// <summary>Starts one sale; returns SUNBAY's transactionId from the dispatch answer.</summary>
    public static async Task<string?> SaleAsync(SunbayClient client) =>
        (await client.StartSaleAsync(new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-20260101-0001", Description = "Coffee" })).TransactionId;

    /// <summary>Queries one transaction; returns its transactionId and whether it succeeded.</summary>
    public static async Task<(string? TransactionId, bool Succeeded)> QueryAsync(SunbayClient client, string transactionId)
    {
        var transaction = await client.GetTransactionAsync(TransactionLookup.ByTransactionId(transactionId));
        return (transaction.TransactionId, transaction.Status == TransactionStatus.Success);
    }
}
