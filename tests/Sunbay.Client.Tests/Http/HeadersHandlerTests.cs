using System.Net;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Http;

public sealed class HeadersHandlerTests
{
    [Fact]
    public async Task Post_carries_bearer_key_request_id_timestamp_exact_content_type_and_user_agent()
    {
        var stub = new StubHandler().Then(r => StubHandler.Json(StubHandler.Dispatch("req1")));
        var time = TestClients.Clock();
        using var client = TestClients.Create(stub, time);

        await client.StartSaleAsync(TestClients.Sale(transactionRequestId: "req1"));

        var call = Assert.Single(stub.Calls);
        Assert.Equal(HttpMethod.Post, call.Method);
        Assert.Equal("/v1/semi-integration/transaction/sale", call.Uri.AbsolutePath);
        Assert.Equal($"Bearer {TestClients.ApiKey}", call.Headers["Authorization"]);
        Assert.True(Guid.TryParse(call.Headers["X-Client-Request-Id"], out _));
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), call.Headers["X-Timestamp"]);
        Assert.Matches("^[0-9]{13}$", call.Headers["X-Timestamp"]);
        Assert.Equal("application/json", call.ContentType);
        Assert.StartsWith("Sunbay.Client/", call.Headers["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_attempt_gets_a_fresh_client_request_id()
    {
        var stub = new StubHandler()
            .Then(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))
            .Then(_ => StubHandler.Json(StubHandler.Query("req1", "S")));
        using var client = TestClients.Create(stub);

        await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req1"));

        Assert.Equal(2, stub.Calls.Count);
        Assert.NotEqual(stub.Calls[0].Headers["X-Client-Request-Id"], stub.Calls[1].Headers["X-Client-Request-Id"]);
        Assert.Null(stub.Calls[0].ContentType);
    }

    [Fact]
    public async Task A_rotated_key_is_used_by_the_next_request()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Query("req1", "S")));
        var options = TestClients.Options();
        using var client = new SunbayClient(options, stub, TestClients.Clock());

        await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req1"));
        options.ApiKey = "sk_test_rotated_key_0002";
        await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req1"));

        Assert.Equal($"Bearer {TestClients.ApiKey}", stub.Calls[0].Headers["Authorization"]);
        Assert.Equal("Bearer sk_test_rotated_key_0002", stub.Calls[1].Headers["Authorization"]);
    }

    [Fact]
    public async Task Query_parameters_are_camel_case_and_omit_nulls()
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json(StubHandler.Query("req1", "S")));
        using var client = TestClients.Create(stub);

        await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req1"));

        Assert.Equal("/v1/transaction/query", stub.Calls[0].Uri.AbsolutePath);
        Assert.Equal("?appId=test_app_0001&merchantId=M1260231004&transactionRequestId=req1", stub.Calls[0].Uri.Query);
    }
}
