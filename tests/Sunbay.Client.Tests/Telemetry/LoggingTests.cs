using System.Net;
using Microsoft.Extensions.Logging;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Telemetry;

public sealed class LoggingTests
{
    [Fact]
    public async Task One_debug_line_per_call_with_status_code_trace_id_duration_and_attempts_and_one_per_retry()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var stub = new StubHandler()
            .Then(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))
            .Then(_ => StubHandler.Json("""{"code":"0","msg":"Success","traceId":"tr-log-1","data":{"transactionId":"1","transactionRequestId":"log-1","transactionStatus":"S"}}"""));
        using var client = new SunbayClient(TestClients.Options(), stub, TestClients.Clock(), factory);

        await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("log-1"));

        var call = Assert.Single(logs.Lines, l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("SUNBAY query answered", StringComparison.Ordinal));
        Assert.Contains("HTTP 200 code 0 traceId tr-log-1", call, StringComparison.Ordinal);
        Assert.Contains("after 2 attempt(s)", call, StringComparison.Ordinal);
        var retry = Assert.Single(logs.Lines, l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("Retrying SUNBAY GET", StringComparison.Ordinal));
        Assert.True(retry.Contains("/v1/transaction/query as attempt 2", StringComparison.Ordinal), retry);
    }

    [Fact]
    public async Task An_outcome_unknown_push_is_a_warning_naming_the_request_id()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var stub = new StubHandler().Then(_ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "reset"));
        using var client = new SunbayClient(TestClients.Options(), stub, TestClients.Clock(), factory);

        await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartSaleAsync(TestClients.Sale(transactionRequestId: "log-unknown")));

        Assert.Single(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("transactionRequestId log-unknown", StringComparison.Ordinal) && l.Contains("outcome is unknown", StringComparison.Ordinal));
    }
}
