using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Telemetry;

[Collection(TelemetryTestGroup.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task Each_api_call_is_counted_and_timed_by_operation_outcome_and_code()
    {
        using var calls = new MetricCollector<long>(null, "Sunbay.Client", "sunbay.client.api.calls");
        using var duration = new MetricCollector<double>(null, "Sunbay.Client", "sunbay.client.api.duration");
        var stub = new StubHandler()
            .Then(_ => StubHandler.Json(StubHandler.Dispatch("tel-1")))
            .Then(_ => StubHandler.Json("""{"code":"C17","msg":"bad","traceId":"t"}"""));
        using var client = TestClients.Create(stub);

        await client.StartSaleAsync(TestClients.Sale(transactionRequestId: "tel-1"));
        await Assert.ThrowsAsync<SunbayApiException>(() => client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("tel-1")));

        var measurements = calls.GetMeasurementSnapshot();
        Assert.Contains(measurements, m => Tag(m.Tags, "sunbay.operation") == "sale" && Tag(m.Tags, "sunbay.outcome") == "success" && Tag(m.Tags, "sunbay.code") == "0");
        Assert.Contains(measurements, m => Tag(m.Tags, "sunbay.operation") == "query" && Tag(m.Tags, "sunbay.outcome") == "api_error" && Tag(m.Tags, "sunbay.code") == "C17");
        Assert.Contains(duration.GetMeasurementSnapshot(), m => Tag(m.Tags, "sunbay.operation") == "sale" && m.Value >= 0);
    }

    [Fact]
    public async Task Retries_and_outcome_unknown_are_counted()
    {
        using var retries = new MetricCollector<long>(null, "Sunbay.Client", "sunbay.client.api.retries");
        using var unknown = new MetricCollector<long>(null, "Sunbay.Client", "sunbay.client.api.outcome_unknown");
        var stub = new StubHandler()
            .Then(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))
            .Then(_ => StubHandler.Json(StubHandler.Query("tel-2", "S")))
            .Then(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        using var client = TestClients.Create(stub);

        await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("tel-2"));
        await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartSaleAsync(TestClients.Sale()));

        // Instruments are process-wide and other test classes run in parallel: look for this test's retry, not a total.
        Assert.Contains(retries.GetMeasurementSnapshot(), m => m.Value == 1 && Tag(m.Tags, "url.path") == "/v1/transaction/query");
        Assert.Contains(unknown.GetMeasurementSnapshot(), m => Tag(m.Tags, "sunbay.operation") == "sale");
    }

    [Fact]
    public async Task Final_statuses_and_time_to_final_are_recorded()
    {
        using var outcomes = new MetricCollector<long>(null, "Sunbay.Client", "sunbay.client.transaction.outcomes");
        using var timeToFinal = new MetricCollector<double>(null, "Sunbay.Client", "sunbay.client.transaction.time_to_final");
        var stub = new StubHandler()
            .Then(_ => StubHandler.Json(StubHandler.Dispatch("tel-3")))
            .Then(_ => StubHandler.Json(StubHandler.Query("tel-3", "F", "051")));
        var time = TestClients.Clock();
        using var client = TestClients.Create(stub, time);

        var sale = await client.StartSaleAsync(TestClients.Sale(transactionRequestId: "tel-3"));
        time.Advance(TimeSpan.FromSeconds(7));
        await sale.WaitForCompletionAsync();

        Assert.Contains(outcomes.GetMeasurementSnapshot(), m => Tag(m.Tags, "sunbay.transaction.status") == "Fail" && Tag(m.Tags, "sunbay.transaction.type") == "SALE" && Tag(m.Tags, "sunbay.completed_by") == "poll");
        Assert.Contains(timeToFinal.GetMeasurementSnapshot(), m => m.Value == 7);
    }

    [Fact]
    public async Task Each_api_call_is_a_client_span_with_its_operation_and_outcome()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Sunbay.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var stub = new StubHandler().Then(_ => StubHandler.Json("""{"code":"C17","msg":"bad","traceId":"tr-span"}"""));
        using var client = TestClients.Create(stub);

        await Assert.ThrowsAsync<SunbayApiException>(() => client.StartSaleAsync(TestClients.Sale(transactionRequestId: "tel-span")));

        var span = Assert.Single(spans, s => (string?)s.GetTagItem("sunbay.transaction_request_id") == "tel-span");
        Assert.Equal("sunbay sale", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("C17", span.GetTagItem("sunbay.code"));
        Assert.Equal("tr-span", span.GetTagItem("sunbay.trace_id"));
        Assert.Equal("api_error", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task A_lookup_that_finds_nothing_is_recorded_as_not_found_and_not_as_a_failure()
    {
        using var calls = new MetricCollector<long>(null, "Sunbay.Client", "sunbay.client.api.calls");
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Sunbay.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var stub = new StubHandler().Then(_ => StubHandler.Json("""{"code":"B01","msg":"Transaction does not exist","traceId":"tr-nf"}"""));
        using var client = new SunbayClient(TestClients.Options(), stub, TestClients.Clock(), factory);

        var found = await client.FindTransactionAsync(TransactionLookup.ByTransactionRequestId("tel-nf"));

        Assert.Null(found);
        Assert.Contains(calls.GetMeasurementSnapshot(), m => Tag(m.Tags, "sunbay.operation") == "query" && Tag(m.Tags, "sunbay.outcome") == "not_found" && Tag(m.Tags, "sunbay.code") == "B01");
        var span = Assert.Single(spans, s => (string?)s.GetTagItem("sunbay.transaction_request_id") == "tel-nf");
        Assert.Equal("not_found", span.GetTagItem("sunbay.outcome"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.NotEqual(ActivityStatusCode.Error, span.Status);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("failed", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(logs.Lines, l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("SUNBAY query answered", StringComparison.Ordinal) && l.Contains("code B01", StringComparison.Ordinal));
    }

    private static string? Tag(IReadOnlyDictionary<string, object?> tags, string name) => tags.TryGetValue(name, out var value) ? value?.ToString() : null;
}

/// <summary>Telemetry tests read process-wide instruments: they run one at a time so that counts do not mix.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryTestGroup
{
    public const string Name = "telemetry";
}
