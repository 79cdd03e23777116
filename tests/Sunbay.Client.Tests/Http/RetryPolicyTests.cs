using System.Net;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Http;

public sealed class RetryPolicyTests
{
    [Fact]
    public async Task A_sale_answered_503_is_sent_once_and_reported_as_outcome_unknown()
    {
        var stub = new StubHandler().Always(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<html>busy</html>") });
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartSaleAsync(TestClients.Sale(transactionRequestId: "req503")));

        Assert.Single(stub.Calls);
        Assert.True(error.OutcomeUnknown);
        Assert.Equal("req503", error.TransactionRequestId);
        Assert.Equal(503, error.StatusCode);
    }

    [Fact]
    public async Task A_sale_whose_connection_drops_is_sent_once_and_reported_as_outcome_unknown()
    {
        var stub = new StubHandler().Always(_ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartSaleAsync(TestClients.Sale(transactionRequestId: "reqdrop")));

        Assert.Single(stub.Calls);
        Assert.True(error.OutcomeUnknown);
    }

    [Fact]
    public async Task A_sale_that_could_not_connect_is_known_not_sent()
    {
        var stub = new StubHandler().Always(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartSaleAsync(TestClients.Sale()));

        Assert.Single(stub.Calls);
        Assert.False(error.OutcomeUnknown);
    }

    [Fact]
    public async Task A_query_is_retried_a_bounded_number_of_times()
    {
        var stub = new StubHandler().Always(_ => new HttpResponseMessage(HttpStatusCode.BadGateway));
        using var client = TestClients.Create(stub, configure: o => o.Retry.MaxGetRetries = 3);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req1")));

        Assert.Equal(4, stub.Calls.Count);
        Assert.False(error.OutcomeUnknown);
        Assert.Equal(502, error.StatusCode);
    }

    [Fact]
    public async Task A_query_retries_after_a_network_error_and_succeeds()
    {
        var stub = new StubHandler()
            .ThenThrow(new HttpRequestException(HttpRequestError.ResponseEnded, "reset"))
            .Then(_ => StubHandler.Json(StubHandler.Query("req1", "S")));
        using var client = TestClients.Create(stub);

        var transaction = await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req1"));

        Assert.Equal(TransactionStatus.Success, transaction.Status);
        Assert.Equal(2, stub.Calls.Count);
    }

    [Fact]
    public async Task A_business_error_is_an_api_exception_with_code_and_trace_id()
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json("""{"code":"C17","msg":"Parameter error: terminalSn","traceId":"tr-42"}"""));
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<SunbayApiException>(() => client.StartSaleAsync(TestClients.Sale()));

        Assert.Equal("C17", error.Code);
        Assert.Equal("tr-42", error.TraceId);
        Assert.Equal("Parameter error: terminalSn", error.ApiMessage);
        Assert.Single(stub.Calls);
    }
}
