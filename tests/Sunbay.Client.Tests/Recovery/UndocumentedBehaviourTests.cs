using System.Net;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Recovery;

/// <summary>
/// The recovery path against a SUNBAY that behaves the other way than the fake where SUNBAY documents nothing: a repeated
/// <c>transactionRequestId</c> refused with an error code instead of replayed, and "no such transaction" answered
/// without the configured code.
/// </summary>
public sealed class UndocumentedBehaviourTests
{
    private const string Key = "RESEND-1";

    private static string NotFound => StubHandler.Envelope("null");

    private static string DuplicateRefusal => StubHandler.Envelope("null", code: "B99", msg: "Duplicate transactionRequestId");

    [Fact]
    public async Task A_re_send_refused_as_a_duplicate_follows_the_transaction_that_exists()
    {
        var stub = new StubHandler()
            .ThenJson(NotFound)                      // the first query: not recorded yet
            .ThenJson(DuplicateRefusal)               // the re-send: refused, not replayed
            .ThenJson(StubHandler.Query(Key, "S"));   // the check: it exists after all
        using var client = TestClients.Create(stub);

        var operation = await client.StartOrResumeAsync(TestClients.Sale(transactionRequestId: Key));

        Assert.Equal(Key, operation.TransactionRequestId);
        Assert.True(operation.HasCompleted);
        Assert.True(operation.Value.IsApproved);
        Assert.Equal([HttpMethod.Get, HttpMethod.Post, HttpMethod.Get], stub.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task A_re_send_refused_for_a_transaction_that_does_not_exist_reports_the_refusal()
    {
        var stub = new StubHandler()
            .ThenJson(NotFound)
            .ThenJson(StubHandler.Envelope("null", code: "B03", msg: "Terminal busy"))
            .ThenJson(NotFound);
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<SunbayApiException>(() => client.StartOrResumeAsync(TestClients.Sale(transactionRequestId: Key)));

        Assert.Equal("B03", error.Code);
        Assert.Single(stub.Calls, c => c.Method == HttpMethod.Post);
        Assert.Equal(3, stub.Calls.Count);
    }

    [Fact]
    public async Task A_re_send_refused_when_the_key_belongs_to_another_kind_of_transaction_reports_the_refusal()
    {
        var stub = new StubHandler()
            .ThenJson(NotFound)
            .ThenJson(StubHandler.Envelope("null", code: "B07", msg: "transactionRequestId already used"))
            .ThenJson(StubHandler.Query(Key, "S")); // a SALE, while the re-send is a refund
        using var client = TestClients.Create(stub);
        var refund = new RefundRequest { Amount = 100, Currency = "USD", OriginalTransactionId = "1", TransactionRequestId = Key };

        var error = await Assert.ThrowsAsync<SunbayApiException>(() => client.StartOrResumeAsync(refund));

        Assert.Equal("B07", error.Code);
    }

    [Fact]
    public async Task A_re_send_refused_whose_check_fails_is_reported_outcome_unknown()
    {
        var stub = new StubHandler()
            .ThenJson(NotFound)
            .ThenJson(DuplicateRefusal)
            .Always(_ => StubHandler.Json("""{"error":"bad gateway"}""", HttpStatusCode.BadGateway));
        using var client = TestClients.Create(stub, configure: o => o.Retry.MaxGetRetries = 0);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartOrResumeAsync(TestClients.Sale(transactionRequestId: Key)));

        Assert.True(error.OutcomeUnknown);
        Assert.Equal(Key, error.TransactionRequestId);
        Assert.Contains("B99", error.Message, StringComparison.Ordinal);
        Assert.Single(stub.Calls, c => c.Method == HttpMethod.Post);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"transactionId":"","transactionRequestId":""}""")]
    public async Task Code_0_without_a_transaction_is_not_found(string data)
    {
        var stub = new StubHandler().ThenJson(StubHandler.Envelope(data));
        using var client = TestClients.Create(stub);

        Assert.Null(await client.FindTransactionAsync(TransactionLookup.ByTransactionRequestId(Key)));
    }

    [Fact]
    public async Task A_not_found_code_configured_for_the_real_service_is_not_found_whatever_its_case_or_http_status()
    {
        var stub = new StubHandler()
            .ThenJson(StubHandler.Envelope("null", code: "e404", msg: "Transaction does not exist"))
            .ThenJson(StubHandler.Envelope("null", code: "E404", msg: "Transaction does not exist"), HttpStatusCode.NotFound);
        using var client = TestClients.Create(stub, configure: o => o.TransactionNotFoundCodes.Add("E404"));

        Assert.Null(await client.FindTransactionAsync(TransactionLookup.ByTransactionRequestId(Key)));
        Assert.Null(await client.FindTransactionAsync(TransactionLookup.ByTransactionRequestId(Key)));
    }

    [Fact]
    public async Task A_not_found_page_without_a_sunbay_envelope_is_never_taken_for_not_found()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json("<html>Not Found</html>", HttpStatusCode.NotFound));
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartOrResumeAsync(TestClients.Sale(transactionRequestId: Key)));

        Assert.DoesNotContain(stub.Calls, c => c.Method == HttpMethod.Post);
        Assert.False(error.OutcomeUnknown);
    }

    [Fact]
    public async Task A_query_answered_with_another_transaction_is_never_taken_for_the_one_asked()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Query("SOMEONE-ELSE", "S")));
        using var client = TestClients.Create(stub);

        var find = await Assert.ThrowsAsync<SunbayTransportException>(() => client.FindTransactionAsync(TransactionLookup.ByTransactionRequestId(Key)));
        var resume = await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartOrResumeAsync(TestClients.Sale(transactionRequestId: Key)));

        Assert.Contains("SOMEONE-ELSE", find.Message, StringComparison.Ordinal);
        Assert.False(resume.OutcomeUnknown);
        Assert.DoesNotContain(stub.Calls, c => c.Method == HttpMethod.Post);
    }
}
