using Sunbay.Client.CmCom.Tests.Support;

namespace Sunbay.Client.CmCom.Tests.Client;

/// <summary>A cancel is Cancelled (204) while no card was presented, TooLate (409) after, with the real state read at once.</summary>
public sealed class CancelTests
{
    [Fact]
    public async Task A_transaction_still_waiting_for_a_card_is_cancelled()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);
        var operation = await client.StartPurchaseAsync(TestClients.Purchase());

        var result = await operation.CancelAsync();

        Assert.Equal(CmComCancelOutcome.Cancelled, result.Outcome);
        Assert.Null(result.Transaction);
        Assert.Equal(1, stub.Count(HttpMethod.Delete, $"/terminals/{MerchantApiStub.Terminal}/transactions/{operation.Id}"));
        Assert.Equal(CmComTransactionStatus.Cancelled, (await operation.UpdateStatusAsync()).Status);
    }

    [Fact]
    public async Task Too_late_reads_the_approved_purchase_so_the_caller_can_refund_it()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);
        var operation = await client.StartPurchaseAsync(TestClients.Purchase(amount: 20m));
        stub.Set(operation.Id, "CLEARED", "APPROVED");

        var result = await client.CancelAsync(operation.Id);
        var refund = await client.StartRefundAsync(CmComRefundRequest.For(result.Transaction!, "inv2112280004-r"));

        Assert.Equal(CmComCancelOutcome.TooLate, result.Outcome);
        Assert.True(result.Transaction!.IsApproved);
        Assert.Equal(1, stub.Count(HttpMethod.Delete, "/terminals/"));
        Assert.Contains($"\"reference\":{{\"id\":\"{operation.Id}\"}}", stub.Requests.Last().Body, StringComparison.Ordinal);
        Assert.Equal(CmComTransactionType.Refund, refund.LastKnown!.Type);
    }

    [Fact]
    public async Task Too_late_through_the_operation_completes_it_with_the_state_read()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);
        var operation = await client.StartPurchaseAsync(TestClients.Purchase());
        stub.Set(operation.Id, "CANCELLED", "DECLINED");

        var result = await operation.CancelAsync();

        Assert.Equal(CmComCancelOutcome.TooLate, result.Outcome);
        Assert.True(operation.HasCompleted);
        Assert.Equal(CmComTransactionResult.Declined, operation.Value.Result);
    }

    [Fact]
    public async Task Too_late_is_still_reported_when_the_read_after_it_fails()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub, TestClients.Options(o => o.Retry.MaxGetRetries = 0));
        var id = stub.Add("inv-1", status: "AUTHORIZED");
        stub.Then(_ => MerchantApiStub.Problem(System.Net.HttpStatusCode.Conflict, "Conflict", "A card was presented.", "/x"))
            .ThenStatus(System.Net.HttpStatusCode.ServiceUnavailable);

        var result = await client.CancelAsync(id);

        Assert.Equal(CmComCancelOutcome.TooLate, result.Outcome);
        Assert.Null(result.Transaction);
    }

    [Fact]
    public async Task An_unknown_transaction_is_a_refusal_not_too_late()
    {
        using var client = TestClients.Client(new MerchantApiStub());

        var error = await Assert.ThrowsAsync<CmComApiException>(() => client.CancelAsync("no-such-id"));

        Assert.Equal("404", error.ProviderCode);
    }
}
