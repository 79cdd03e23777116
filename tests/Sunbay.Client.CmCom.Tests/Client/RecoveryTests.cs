using Sunbay.Client.CmCom.Tests.Support;

namespace Sunbay.Client.CmCom.Tests.Client;

/// <summary>After a lost answer: find the transaction by merchant_order_reference, send again only when it is absent.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public async Task A_purchase_whose_answer_was_lost_is_followed_not_sent_again()
    {
        var stub = new MerchantApiStub();
        stub.Then(request =>
        {
            // CM.com created it, then the connection dropped before the answer.
            stub.Add("inv-lost", 98.75m, created: "2022-01-18T14:30:05Z");
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "dropped");
        });
        using var client = TestClients.Client(stub);

        var lost = await Assert.ThrowsAsync<CmComTransportException>(() => client.StartPurchaseAsync(TestClients.Purchase("inv-lost")));
        var resumed = await client.StartOrResumePurchaseAsync(TestClients.Purchase("inv-lost"));

        Assert.True(lost.OutcomeUnknown);
        Assert.Equal(1, stub.Count(HttpMethod.Post, "/terminals/"));
        Assert.Equal("inv-lost", resumed.LastKnown!.MerchantOrderReference);
        Assert.Equal(stub.Transactions[MerchantApiStub.Terminal][0]["id"]!.GetValue<string>(), resumed.Id);
    }

    [Fact]
    public async Task A_purchase_that_never_arrived_is_sent_once()
    {
        var stub = new MerchantApiStub();
        stub.Add("inv-other");
        using var client = TestClients.Client(stub);

        var operation = await client.StartOrResumePurchaseAsync(TestClients.Purchase("inv-new"));

        Assert.Equal(1, stub.Count(HttpMethod.Post, "/terminals/"));
        Assert.Equal(1, stub.Count(HttpMethod.Get, "/terminals/"));
        Assert.Equal(CmComTransactionStatus.Created, operation.LastKnown!.Status);
    }

    [Fact]
    public async Task A_reference_taken_by_another_amount_is_refused_rather_than_followed()
    {
        var stub = new MerchantApiStub();
        stub.Add("inv-1", 5m);
        using var client = TestClients.Client(stub);

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => client.StartOrResumePurchaseAsync(TestClients.Purchase("inv-1", 98.75m)));

        Assert.Equal("merchant_order_reference", error.Field);
        Assert.Equal(0, stub.Count(HttpMethod.Post, "/"));
    }

    [Fact]
    public async Task A_refund_resumes_only_a_refund_with_its_reference()
    {
        var stub = new MerchantApiStub();
        stub.Add("inv-1", 5m, type: "PURCHASE");
        using var client = TestClients.Client(stub);

        await client.StartOrResumeRefundAsync(new CmComRefundRequest { MerchantOrderReference = "inv-1", Amount = 5m, Currency = "EUR" });

        Assert.Equal(1, stub.Count(HttpMethod.Post, "/terminals/"));
    }

    [Fact]
    public async Task The_search_reads_every_page_and_the_newest_match_wins()
    {
        var stub = new MerchantApiStub();
        stub.Add("inv-dup", created: "2022-01-18T10:00:00Z");
        for (var i = 0; i < 5; i++)
        {
            stub.Add($"inv-{i}");
        }

        var newest = stub.Add("inv-dup", created: "2022-01-18T12:00:00Z");
        stub.Transactions[MerchantApiStub.Terminal].Reverse(); // the newest last: no order is relied on
        using var client = TestClients.Client(stub, TestClients.Options(o => o.PageSize = 2));

        var found = await client.FindTransactionByReferenceAsync("inv-dup");
        var absent = await client.FindTransactionByReferenceAsync("inv-none");

        Assert.Equal(newest, found!.Id);
        Assert.Null(absent);
        Assert.Equal(8, stub.Requests.Count);
    }

    [Fact]
    public async Task A_bad_reference_is_refused_before_the_search()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);

        Assert.Equal("merchant_order_reference", (await Assert.ThrowsAsync<PaymentsValidationException>(() => client.FindTransactionByReferenceAsync("no spaces"))).Field);
        Assert.Empty(stub.Requests);
    }
}
