using System.Net;
using Sunbay.Client.CmCom.Http;
using Sunbay.Client.CmCom.Tests.Support;
using Sunbay.Client.Http;

namespace Sunbay.Client.CmCom.Tests.Client;

/// <summary>problem+json answers become typed refusals; 401/403 are authentication errors that never show the key.</summary>
public sealed class ProblemTests
{
    [Fact]
    public async Task A_problem_is_read_into_a_refusal_that_catch_SunbayApiException_catches()
    {
        var stub = new MerchantApiStub().Then(_ => MerchantApiStub.Answer(
            HttpStatusCode.BadRequest,
            """{"type":"https://errors.test/amount","title":"Bad Request","status":400,"detail":"amount.value exceeds the purchase","instance":"/terminals/x/transactions","extra":1}""",
            "application/problem+json"));
        using var client = TestClients.Client(stub);

        PaymentsApiException error = await Assert.ThrowsAsync<CmComApiException>(() => client.StartPurchaseAsync(TestClients.Purchase()));

        var problem = Assert.IsType<CmComApiException>(error);
        Assert.Equal((HttpStatusCode.BadRequest, "400", "start-transaction"), (problem.StatusCode, problem.ProviderCode, problem.Operation));
        Assert.Equal(("Bad Request", "amount.value exceeds the purchase", "/terminals/x/transactions", "https://errors.test/amount"), (problem.Title, problem.Detail, problem.Instance, problem.ProblemType));
        Assert.Equal(problem.Detail, problem.ProviderMessage);
        Assert.Equal("CM.com refused start-transaction: HTTP 400 Bad Request, \"amount.value exceeds the purchase\" (instance /terminals/x/transactions).", problem.Message);
    }

    [Fact]
    public async Task A_missing_key_is_401_and_a_wrong_key_403_both_authentication_errors()
    {
        var stub = new MerchantApiStub("another-key-entirely");
        using var client = TestClients.Client(stub);
        stub.Then(_ => MerchantApiStub.Problem(HttpStatusCode.Unauthorized, "Unauthorized", "Missing API Key.", "/stores"));

        var missing = await Assert.ThrowsAsync<CmComAuthenticationException>(() => client.ListApiKeysAsync());
        var wrong = await Assert.ThrowsAsync<CmComAuthenticationException>(() => client.ListApiKeysAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Contains("No API-Key header reached CM.com", missing.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("Invalid API Key.", wrong.Detail);
        Assert.Contains("check CmCom:ApiKey", wrong.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.Key, missing.Message + wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_echoed_by_the_server_is_masked_everywhere_it_is_quoted()
    {
        var stub = new MerchantApiStub()
            .Then(_ => MerchantApiStub.Problem(HttpStatusCode.Forbidden, "Forbidden", $"Key {TestClients.Key} is revoked.", "/apikeys"))
            .Then(_ => MerchantApiStub.Answer(HttpStatusCode.BadGateway, $"<html>proxy saw API-Key: {TestClients.Key}</html>", "text/html"))
            .Then(_ => MerchantApiStub.Answer(HttpStatusCode.Conflict, $"not a problem: {TestClients.Key}", "text/plain"));
        using var client = TestClients.Client(stub, TestClients.Options(o => o.Retry.MaxGetRetries = 0));

        var forbidden = await Assert.ThrowsAsync<CmComAuthenticationException>(() => client.ListApiKeysAsync());
        var badGateway = await Assert.ThrowsAsync<CmComTransportException>(() => client.ListApiKeysAsync());
        var conflict = await Assert.ThrowsAsync<CmComApiException>(() => client.RevokeApiKeyAsync(5));

        foreach (var text in new[] { forbidden.Message, forbidden.Detail!, badGateway.Message, conflict.Message, conflict.Detail! })
        {
            Assert.DoesNotContain(TestClients.Key, text, StringComparison.Ordinal);
            Assert.Contains("***", text, StringComparison.Ordinal);
        }

        Assert.Equal("Conflict", conflict.Title);
    }

    [Fact]
    public void The_classifier_reads_a_call_without_io()
    {
        var facts = new CallFacts("start-transaction", IsPost: true, new CallSubject("inv-1", "SUNMI-P2-S1"), 503, null, "down", null, null, false, false, null, TestClients.Key);

        var error = Assert.IsType<CmComTransportException>(CmComErrorClassifier.Classify(facts, switchedKey: null));

        Assert.True(error.OutcomeUnknown);
        Assert.Null(CmComErrorClassifier.Classify(facts with { StatusCode = 204, Body = null }, null));
        Assert.False(Assert.IsType<CmComTransportException>(CmComErrorClassifier.Classify(facts with { IsPost = false }, null)).OutcomeUnknown);
    }
}
