using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Sunbay.Client.CmCom.Tests.Support;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.CmCom.Tests.Client;

/// <summary>Telemetry like the SUNBAY client's, quiet logs, and no key or receipt in any log line.</summary>
public sealed class ObservabilityTests
{
    private const string Pan = "4111111111111111";

    [Fact]
    public async Task No_key_and_no_receipt_reach_the_logs_through_a_whole_flow_with_failures()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var stub = new MerchantApiStub();
        var time = TestClients.Clock();
        using var client = TestClients.Client(stub, time: time, logging: factory);
        stub.ThenStatus(HttpStatusCode.ServiceUnavailable, $"echo {TestClients.Key}");
        await Assert.ThrowsAsync<CmComTransportException>(() => client.StartPurchaseAsync(TestClients.Purchase("inv-1")));
        var operation = await client.StartOrResumePurchaseAsync(TestClients.Purchase("inv-2"));
        stub.Set(operation.Id, "CLEARED", "APPROVED", receipt: $"CARD {Pan}\nSECRET-RECEIPT-LINE\n");
        stub.ThenStatus(HttpStatusCode.BadGateway, $"proxy {TestClients.Key}");
        var done = await time.DriveAsync(operation.WaitForCompletionAsync(), TimeSpan.FromMilliseconds(500));
        await client.RotateApiKeyAsync(new CmComApiKeyRequest { Label = "next" }, 1, (_, _) => Task.CompletedTask);

        var all = string.Join("\n", logs.Lines);
        Assert.Contains("SECRET-RECEIPT-LINE", done.Receipt, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.Key, all, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-RECEIPT-LINE", all, StringComparison.Ordinal);
        Assert.DoesNotContain(Pan, all, StringComparison.Ordinal);
        Assert.All(stub.Keys.Values, key => Assert.DoesNotContain(key, all, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Information_is_one_line_per_state_change_and_calls_are_debug()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var stub = new MerchantApiStub();
        var time = TestClients.Clock();
        using var client = TestClients.Client(stub, time: time, logging: factory);
        var operation = await client.StartPurchaseAsync(TestClients.Purchase());
        var wait = operation.WaitForCompletionAsync();
        await time.DriveUntilAsync(() => stub.Requests.Count >= 4, TimeSpan.FromMilliseconds(500), maxSteps: 50);
        stub.Set(operation.Id, "CLEARED", "APPROVED");
        await time.DriveAsync(wait, TimeSpan.FromMilliseconds(500));

        var information = logs.Lines.Where(l => l.StartsWith("Information", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, information.Count); // started (CREATED), then CLEARED: the polls that saw CREATED again are not changes
        Assert.Contains("Started CM.com PURCHASE", information[0], StringComparison.Ordinal);
        Assert.Contains(": CREATED", information[0], StringComparison.Ordinal);
        Assert.Contains("is CLEARED (result APPROVED)", information[1], StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("CM.com start-transaction answered HTTP 201", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calls_retries_and_outcomes_are_measured_and_traced_under_Sunbay_Client_CmCom()
    {
        using var calls = new MetricCollector<long>(null, "Sunbay.Client.CmCom", "cmcom.client.api.calls");
        using var retries = new MetricCollector<long>(null, "Sunbay.Client.CmCom", "cmcom.client.api.retries");
        using var unknown = new MetricCollector<long>(null, "Sunbay.Client.CmCom", "cmcom.client.api.outcome_unknown");
        using var outcomes = new MetricCollector<long>(null, "Sunbay.Client.CmCom", "cmcom.client.transaction.outcomes");
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Sunbay.Client.CmCom",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);
        var reference = $"inv-{Guid.NewGuid():N}";

        var operation = await client.StartPurchaseAsync(TestClients.Purchase(reference));
        stub.ThenStatus(HttpStatusCode.ServiceUnavailable);
        stub.Set(operation.Id, "CANCELLED", "DECLINED");
        await operation.WaitForCompletionAsync();
        stub.ThenStatus(HttpStatusCode.ServiceUnavailable);
        await Assert.ThrowsAsync<CmComTransportException>(() => client.StartPurchaseAsync(TestClients.Purchase(reference)));

        Assert.Contains(calls.GetMeasurementSnapshot(), m => Tag(m.Tags, "cmcom.operation") == "start-transaction" && Tag(m.Tags, "cmcom.outcome") == "success" && Tag(m.Tags, "cmcom.code") == "201");
        Assert.Contains(retries.GetMeasurementSnapshot(), m => Tag(m.Tags, "url.path") == "/terminals/{terminalId}/transactions/{transactionId}");
        Assert.Contains(unknown.GetMeasurementSnapshot(), m => Tag(m.Tags, "cmcom.operation") == "start-transaction");
        Assert.Contains(outcomes.GetMeasurementSnapshot(), m => Tag(m.Tags, "cmcom.transaction.status") == "CANCELLED" && Tag(m.Tags, "cmcom.transaction.result") == "DECLINED");
        Assert.Contains(spans, s => s.DisplayName == "cmcom start-transaction" && (string?)s.GetTagItem("cmcom.merchant_order_reference") == reference);
    }

    private static string? Tag(IReadOnlyDictionary<string, object?> tags, string name) => tags.TryGetValue(name, out var value) ? value?.ToString() : null;
}
