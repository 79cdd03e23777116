using System.Net;
using Sunbay.Client.CmCom.Tests.Support;

namespace Sunbay.Client.CmCom.Tests.Client;

/// <summary>POST and DELETE are sent exactly once whatever happens; a lost answer is OutcomeUnknown; GETs are retried.</summary>
public sealed class ReliabilityTests
{
    [Theory]
    [InlineData("503", true)]
    [InlineData("500 problem", true)]
    [InlineData("dropped", true)]
    [InlineData("attempt timed out", true)]
    [InlineData("201 garbled", true)]
    [InlineData("refused", false)]
    [InlineData("429", false)]
    public async Task A_purchase_is_sent_once_and_a_lost_answer_leaves_its_outcome_unknown(string fault, bool outcomeUnknown)
    {
        var stub = new MerchantApiStub();
        _ = fault switch
        {
            "503" => stub.ThenStatus(HttpStatusCode.ServiceUnavailable),
            "500 problem" => stub.ThenStatus(HttpStatusCode.InternalServerError, """{"status":500,"title":"Internal Server Error"}"""),
            "dropped" => stub.ThenThrow(new HttpRequestException(HttpRequestError.ResponseEnded, "connection dropped")),
            "attempt timed out" => stub.ThenThrow(new TaskCanceledException("attempt timed out")),
            "201 garbled" => stub.ThenStatus(HttpStatusCode.Created, "{\"id\":"),
            "refused" => stub.ThenThrow(new HttpRequestException(HttpRequestError.ConnectionError, "refused")),
            _ => stub.ThenStatus(HttpStatusCode.TooManyRequests),
        };
        using var client = TestClients.Client(stub);

        var error = await Assert.ThrowsAsync<CmComTransportException>(() => client.StartPurchaseAsync(TestClients.Purchase("inv-lost")));

        Assert.Equal(1, stub.Count(HttpMethod.Post, "/terminals/"));
        Assert.Equal(outcomeUnknown, error.OutcomeUnknown);
        Assert.IsAssignableFrom<PaymentsTransportException>(error);
        Assert.Equal((MerchantApiStub.Terminal, "inv-lost", "inv-lost"), (error.TerminalId, error.MerchantOrderReference, error.IdempotencyKey));
        if (outcomeUnknown)
        {
            Assert.Contains("merchant_order_reference 'inv-lost'", error.Message, StringComparison.Ordinal);
            Assert.Contains("StartOrResumePurchaseAsync", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cancel_is_sent_once_and_names_the_transaction_to_read()
    {
        var stub = new MerchantApiStub().ThenStatus(HttpStatusCode.BadGateway);
        using var client = TestClients.Client(stub);

        var error = await Assert.ThrowsAsync<CmComTransportException>(() => client.CancelAsync("t-1"));

        Assert.Equal(1, stub.Count(HttpMethod.Delete, "/terminals/"));
        Assert.True(error.OutcomeUnknown);
        Assert.Equal("t-1", error.TransactionId);
        Assert.Contains("read transaction 't-1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoke_and_a_key_creation_are_sent_once()
    {
        var stub = new MerchantApiStub().ThenStatus(HttpStatusCode.ServiceUnavailable).ThenStatus(HttpStatusCode.ServiceUnavailable);
        using var client = TestClients.Client(stub);

        Assert.True((await Assert.ThrowsAsync<CmComTransportException>(() => client.RevokeApiKeyAsync(7))).OutcomeUnknown);
        Assert.True((await Assert.ThrowsAsync<CmComTransportException>(() => client.CreateApiKeyAsync(new CmComApiKeyRequest { Label = "k" }))).OutcomeUnknown);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_get_is_retried_after_server_errors_and_a_dropped_connection()
    {
        var stub = new MerchantApiStub()
            .ThenStatus(HttpStatusCode.ServiceUnavailable)
            .ThenThrow(new HttpRequestException(HttpRequestError.ResponseEnded, "dropped"))
            .ThenStatus(HttpStatusCode.OK, "{\"id\":\"cut");
        var id = stub.Add("inv-1");
        using var client = TestClients.Client(stub);

        var transaction = await client.GetTransactionAsync(id);

        Assert.Equal(id, transaction.Id);
        Assert.Equal(4, stub.Count(HttpMethod.Get, "/terminals/"));
    }

    [Fact]
    public async Task A_get_refused_with_a_problem_is_not_retried()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);

        var error = await Assert.ThrowsAsync<CmComApiException>(() => client.GetTransactionAsync("missing"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_redirect_is_never_followed()
    {
        var stub = new MerchantApiStub().Then(_ =>
        {
            var moved = MerchantApiStub.Answer(HttpStatusCode.TemporaryRedirect);
            moved.Headers.Location = new Uri("https://elsewhere.test/terminals?token=secret");
            return moved;
        });
        using var client = TestClients.Client(stub);

        var error = await Assert.ThrowsAsync<CmComTransportException>(() => client.StartPurchaseAsync(TestClients.Purchase()));

        Assert.Single(stub.Requests);
        Assert.True(error.OutcomeUnknown);
        Assert.Contains("CM.com answered start-transaction with HTTP 307", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token=secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disposed_client_refuses_calls_with_its_own_exception()
    {
        var client = TestClients.Client(new MerchantApiStub());
        client.Dispose();

        var error = await Assert.ThrowsAsync<CmComClientDisposedException>(() => client.GetTransactionAsync("t-1"));

        Assert.Equal("t-1", error.TransactionId);
    }
}
