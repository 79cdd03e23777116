using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests;

/// <summary>JSON request bodies for the raw tests (string building keeps them exactly as a client would send them).</summary>
internal static class Bodies
{
    public static string Sale(FakeSunbayHost host, string requestId, long amount, string terminal = "FAKE-T1", string referenceOrderId = "ORDER-0001", string? notifyUrl = null) =>
        $$"""{"appId":"{{host.AppId}}","merchantId":"{{host.MerchantId}}","referenceOrderId":"{{referenceOrderId}}","transactionRequestId":"{{requestId}}","amount":{"orderAmount":{{amount}},"priceCurrency":"USD"},"description":"Coffee","terminalSn":"{{terminal}}"{{(notifyUrl is null ? "" : $",\"notifyUrl\":\"{notifyUrl}\"")}}}""";

    public static string Auth(FakeSunbayHost host, string requestId, long amount) =>
        $$"""{"appId":"{{host.AppId}}","merchantId":"{{host.MerchantId}}","referenceOrderId":"HOTEL-0001","transactionRequestId":"{{requestId}}","amount":{"orderAmount":{{amount}},"priceCurrency":"USD"},"description":"Room","terminalSn":"FAKE-T1"}""";

    public static string FollowUp(FakeSunbayHost host, string requestId, string originalId, long? amount = null, bool? push = null) =>
        $$"""{"appId":"{{host.AppId}}","merchantId":"{{host.MerchantId}}","originalTransactionId":"{{originalId}}","transactionRequestId":"{{requestId}}",{{(amount is null ? "" : $"\"amount\":{{\"orderAmount\":{amount},\"priceCurrency\":\"USD\"}},")}}"terminalSn":"FAKE-T1"{{(push is null ? "" : $",\"pushToTerminal\":{(push.Value ? "true" : "false")}")}}}""";

    public static string Scoped(FakeSunbayHost host, string rest) =>
        $$"""{"appId":"{{host.AppId}}","merchantId":"{{host.MerchantId}}",{{rest}}}""";
}
