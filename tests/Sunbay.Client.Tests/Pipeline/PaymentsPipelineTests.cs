using System.Net;
using ExamplePay;
using Sunbay.Client.Payments;
using Sunbay.Client.Pipeline;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Pipeline;

/// <summary>
/// What the provider-author surface promises beyond the shared promise tests (which run Example Pay through real HTTP):
/// unusable settings refused naming each rule, a body of the wrong type refused before sending, a dialect whose error
/// reader fails still giving the SDK's exception, and the provider's own error document read into the neutral one.
/// </summary>
public sealed class PaymentsPipelineTests
{
    private static readonly Uri Address = new("https://api.example-pay.test/v1/");

    [Fact]
    public void Unusable_settings_are_refused_naming_each_rule_before_anything_is_built()
    {
        var options = new PaymentsPipelineOptions { BaseAddress = new Uri("http://api.example-pay.test/"), ApiKey = "key with space" };
        options.Timeouts.Post = TimeSpan.Zero;

        var error = Assert.Throws<PaymentsConfigurationException>(() => new PaymentsPipeline(new ExamplePayDialect(), options));

        Assert.Contains(error.Failures, f => f.StartsWith("BaseAddress", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("ApiKey", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Pipeline:Timeouts", StringComparison.Ordinal));
        Assert.DoesNotContain("key with space", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_of_another_type_is_refused_before_anything_is_sent()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json("{}"));
        using var client = new ExamplePayClient(Options(), stub, TestClients.VirtualClock());
        var start = PaymentsEndpoint.Post("start-payment", "payments", ExamplePayJson.Default.PaymentBody, ExamplePayJson.Default.PaymentWire);

        await Assert.ThrowsAsync<ArgumentException>(() => client.Pipeline.SendAsync(start, body: "not a payment body"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Pipeline.SendAsync(start, body: null));

        Assert.Empty(stub.Calls);
    }

    [Fact]
    public async Task The_providers_error_document_becomes_the_neutral_api_exception()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json("""{"error":{"code":"card_blocked","message":"The card is blocked.","request_id":"req_7f3c"}}""", HttpStatusCode.UnprocessableEntity));
        using var client = new ExamplePayClient(Options(), stub, TestClients.VirtualClock());

        var error = await Assert.ThrowsAsync<PaymentsApiException>(() => client.GetAsync("pay_000001"));

        Assert.Equal("example", error.Provider);
        Assert.Equal("get-payment", error.Operation);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal("card_blocked", error.ProviderCode);
        Assert.Equal("The card is blocked.", error.ProviderMessage);
        Assert.Equal("req_7f3c", error.TraceId);
        Assert.Equal(new Uri(Address, "payments/pay_000001"), stub.Calls.Single().Uri);
    }

    [Fact]
    public async Task A_key_a_server_echoes_in_its_error_code_or_request_id_never_escapes()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json("""{"error":{"code":"bad_key_ex_test_pipeline_01","message":"key ex_test_pipeline_01 refused","request_id":"req-ex_test_pipeline_01"}}""", HttpStatusCode.Unauthorized));
        using var client = new ExamplePayClient(Options(), stub, TestClients.VirtualClock());

        var error = await Assert.ThrowsAsync<PaymentsApiException>(() => client.GetAsync("pay_000001"));

        Assert.DoesNotContain("ex_test_pipeline_01", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ex_test_pipeline_01", error.ProviderCode, StringComparison.Ordinal);
        Assert.DoesNotContain("ex_test_pipeline_01", error.ProviderMessage!, StringComparison.Ordinal);
        Assert.DoesNotContain("ex_test_pipeline_01", error.TraceId!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dialect_whose_error_reader_throws_still_gives_the_SDKs_exception_with_the_status()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json("""{"error": "not what the dialect reads"}""", HttpStatusCode.Conflict));
        using var pipeline = new PaymentsPipeline(new ThrowingDialect(), Options(), stub, TestClients.VirtualClock());
        var get = PaymentsEndpoint.Get("get-payment", "payments/{id}", ExamplePayJson.Default.PaymentWire);

        var error = await Assert.ThrowsAsync<PaymentsApiException>(() => pipeline.SendAsync(get, pathValues: ["pay_1"]));

        Assert.Equal("409", error.ProviderCode);
        Assert.Contains("not what the dialect reads", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_start_refused_by_a_server_error_is_outcome_unknown_and_names_its_key()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json("""{"error":{"code":"internal"}}""", HttpStatusCode.BadGateway));
        using var client = new ExamplePayClient(Options(), stub, TestClients.VirtualClock());

        var error = await Assert.ThrowsAsync<PaymentsTransportException>(() => client.StartAsync(
            new PaymentBody { Kind = "payment", Amount = 1250, Currency = "EUR", Reference = "ORDER-0001", IdempotencyKey = "ik_lost_0001" }));

        Assert.True(error.OutcomeUnknown);
        Assert.Equal("ik_lost_0001", error.IdempotencyKey);
        Assert.Contains("ik_lost_0001", error.Message, StringComparison.Ordinal);
        Assert.Single(stub.Calls);
    }

    [Fact]
    public async Task A_dialect_that_fails_to_authenticate_sends_nothing_and_the_outcome_is_known()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json("{}"));
        using var pipeline = new PaymentsPipeline(new FailingAuthenticationDialect(), Options(), stub, TestClients.VirtualClock());
        var start = PaymentsEndpoint.Post("start-payment", "payments", ExamplePayJson.Default.PaymentBody, ExamplePayJson.Default.PaymentWire);

        var error = await Assert.ThrowsAsync<PaymentsTransportException>(() => pipeline.SendAsync(
            start, new PaymentBody { Kind = "payment", Amount = 100, Currency = "EUR", Reference = "ORDER-0001", IdempotencyKey = "ik_auth_0001" }, "ik_auth_0001"));

        Assert.False(error.OutcomeUnknown);
        Assert.Contains("was not sent", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ex_test_pipeline_01", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(stub.Calls);
    }

    [Fact]
    public void An_endpoint_path_must_be_relative_and_a_GET_is_a_query()
    {
        Assert.Throws<ArgumentException>(() => PaymentsEndpoint.Get("x", "/payments", ExamplePayJson.Default.PaymentWire));
        Assert.Throws<ArgumentException>(() => PaymentsEndpoint.Get("x", "https://elsewhere.test/payments", ExamplePayJson.Default.PaymentWire));
        Assert.Throws<ArgumentException>(() => PaymentsEndpoint.Get("x", "payments?all=1", ExamplePayJson.Default.PaymentWire));
        Assert.Throws<ArgumentException>(() => PaymentsEndpoint.Send(HttpMethod.Get, "x", "payments", ExamplePayJson.Default.PaymentWire));
        Assert.Throws<ArgumentException>(() => new ThrowingDialect("Not Lower"));
    }

    private static PaymentsPipelineOptions Options()
    {
        var options = new PaymentsPipelineOptions { BaseAddress = Address, ApiKey = "ex_test_pipeline_01" };
        options.Retry.BaseDelay = TimeSpan.Zero;
        return options;
    }

    private sealed class FailingAuthenticationDialect() : PaymentsProviderDialect("failing", "Failing Pay")
    {
        public override void Authenticate(HttpRequestMessage request, string apiKey) =>
            throw new InvalidOperationException($"no signing key for {apiKey}");
    }

    private sealed class ThrowingDialect(string provider = "throwing") : PaymentsProviderDialect(provider, "Throwing Pay")
    {
        public override void Authenticate(HttpRequestMessage request, string apiKey) => request.Headers.Authorization = new("Bearer", apiKey);

        public override PaymentsProviderError? ReadError(int statusCode, string body) => throw new InvalidOperationException("cannot read: " + body);
    }
}
