using System.Net;
using System.Text;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.AspNetCore.Tests;

/// <summary>Secrets, bodies and a stub SUNBAY API shared by the tests.</summary>
internal static class TestData
{
    public const string Secret = "whsec_test_primary_0123456789";
    public const string OldSecret = "whsec_test_previous_9876543210";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static string Body(string transactionRequestId = "req-1", string status = "S", string transactionId = "7225836252468027") =>
        $$"""{"transactionId":"{{transactionId}}","transactionRequestId":"{{transactionRequestId}}","referenceOrderId":"order-1","transactionStatus":"{{status}}","transactionType":"SALE","amount":{"priceCurrency":"USD","transAmount":1050,"orderAmount":1050},"maskedPan":"411111****1111","transactionResultCode":"000","transactionResultMsg":"Approved","terminalSn":"T1000001"}""";

    public static SunbayWebhookOptions Options(params string[] secrets)
    {
        var options = new SunbayWebhookOptions();
        foreach (var secret in secrets.Length == 0 ? [Secret] : secrets)
        {
            options.Secrets.Add(secret);
        }

        return options;
    }

    public static SunbayClientOptions ClientOptions() => new()
    {
        ApiKey = "sk_test_webhooks",
        AppId = "app_test",
        MerchantId = "mch_test",
        BaseAddress = new Uri("https://sunbay.invalid"),
    };
}

/// <summary>Answers every request to the SUNBAY API with a query result in status P (processing), and counts them.</summary>
internal sealed class ProcessingQueryHandler(string transactionRequestId) : HttpMessageHandler
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var json = $$$"""{"code":"0","msg":"Success","traceId":"t1","data":{"transactionId":"7225836252468027","transactionRequestId":"{{{transactionRequestId}}}","transactionStatus":"P","transactionType":"SALE"}}""";
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}
