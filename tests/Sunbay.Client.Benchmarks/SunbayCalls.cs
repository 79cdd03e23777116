namespace Sunbay.Client.Benchmarks;

/// <summary>
/// The one place where this project builds a <see cref="SunbayClient"/> and calls its sale and query API (public API
/// only): when the core's API is renamed (e.g. queries becoming <c>GetTransactionAsync(TransactionLookup)</c>), adapt
/// here. The call methods hand back the SDK's own task, unwrapped, so that no harness state machine is measured.
/// </summary>
internal static class SunbayCalls
{
    /// <summary>The SDK's version, for the report.</summary>
    public static string Version { get; } =
        typeof(SunbayClient).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0]
        ?? typeof(SunbayClient).Assembly.GetName().Version?.ToString() ?? "?";

    public static SunbayClientOptions Options(Uri baseAddress) => new()
    {
        BaseAddress = baseAddress,
        ApiKey = Canned.ApiKey,
        AppId = Canned.AppId,
        MerchantId = Canned.MerchantId,
        TerminalSn = Canned.TerminalSn,
    };

    /// <summary>A client as an application builds one without dependency injection: default resilience pipeline, default or given primary handler.</summary>
    public static SunbayClient Create(Uri baseAddress, HttpMessageHandler? primaryHandler = null) => new(Options(baseAddress), primaryHandler);

    /// <summary>One sale as an application starts it (a new request object per sale, as the floor builds a new body).</summary>
    public static Task Sale(SunbayClient client, string? terminalSn = null) =>
        client.StartSaleAsync(new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-20260101-0001", Description = "Coffee", TerminalSn = terminalSn });

    /// <summary>One query by SUNBAY's transactionId.</summary>
    public static Task Query(SunbayClient client, string transactionId = Canned.TransactionId) => client.GetTransactionAsync(TransactionLookup.ByTransactionId(transactionId));

    /// <summary>A sale that is awaited to its final status (polling or webhook), for the polling and throughput runs.</summary>
    public static async Task<(string TransactionRequestId, bool Succeeded)> SaleToCompletionAsync(SunbayClient client, string terminalSn)
    {
        var sale = await client.StartSaleAsync(new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-1", Description = "Coffee", TerminalSn = terminalSn });
        var result = await sale.WaitForCompletionAsync();
        return (sale.TransactionRequestId, result.Status == TransactionStatus.Success);
    }

    /// <summary>What one sale and one query return, in a line: checks that the client read the canned answers.</summary>
    public static async Task<string> DescribeAsync(SunbayClient client)
    {
        var sale = await client.StartSaleAsync(new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-20260101-0001", Description = "Coffee" });
        var transaction = await client.GetTransactionAsync(TransactionLookup.ByTransactionId(Canned.TransactionId));
        return sale.TransactionId == Canned.TransactionId && transaction.TransactionId == Canned.TransactionId && transaction.Status == TransactionStatus.Success
            ? $"sale {sale.TransactionId} dispatched ({sale.TransactionRequestId}); query {transaction.TransactionId} {transaction.Status} {transaction.Amount?.Total}"
            : throw new InvalidOperationException($"Sunbay.Client did not read the canned answers: sale {sale}, query {transaction.TransactionId} {transaction.Status}.");
    }
}
