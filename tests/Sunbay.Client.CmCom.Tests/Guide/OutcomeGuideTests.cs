using Sunbay.Client.CmCom.Tests.Support;
using Sunbay.Client.Tests.Support;
using Sunbay.Client.Payments;

namespace Sunbay.Client.CmCom.Tests.Guide;

/// <summary>
/// Issue 20, points 7 to 9, against a MerchantAPI that behaves as the guide allows and the fake does not: clearing hours
/// after authorisation, CANCELLED with result APPROVED, and DECLINED while the status is still not final. The outcome
/// is known when <c>result</c> says so ("if the result for that transaction is APPROVED"); following it to CLEARED is a
/// separate wait.
/// </summary>
public sealed class OutcomeGuideTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_approval_is_known_at_authorized_and_clearing_hours_later_is_a_separate_wait()
    {
        var stub = new MerchantApiStub();
        var time = TestClients.Clock();
        using var client = TestClients.Client(stub, time: time);
        var operation = await client.StartPurchaseAsync(TestClients.Purchase());
        stub.Set(operation.Id, "AUTHORIZED", "APPROVED");

        var approved = await time.DriveAsync(operation.WaitForCompletionAsync(), Step);
        var clearing = operation.WaitForClearingAsync();
        await time.DriveUntilAsync(() => time.GetUtcNow() >= TestClients.Clock().GetUtcNow().AddHours(6), TimeSpan.FromMinutes(5), maxSteps: 100, roundsPerStep: 5);
        var stillAuthorized = clearing.IsCompleted;
        stub.Set(operation.Id, "CLEARED", "APPROVED");
        var cleared = await time.DriveAsync(clearing, Step);
        var reads = stub.Count(HttpMethod.Get, "/terminals/");

        Assert.True(approved.IsApproved);
        Assert.InRange(reads, 20, 150); // backed off to one read in up to 5 minutes, not the 1440 a 15-second interval would make
        Assert.Equal(CmComTransactionStatus.Authorized, approved.Status);
        Assert.False(stillAuthorized);
        Assert.Equal(CmComTransactionStatus.Cleared, cleared.Status);
        Assert.True(cleared.IsApproved);
    }

    [Fact]
    public async Task Through_the_neutral_api_an_authorized_approval_is_approved_at_once()
    {
        var stub = new MerchantApiStub();
        var time = TestClients.Clock();
        using var client = TestClients.Client(stub, time: time);
        var payments = client.AsCardPayments();
        var payment = await payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(98.75m, "EUR"), MerchantReference = "inv-authorized" });
        stub.Set(payment.Id[(payment.Id.IndexOf('/', StringComparison.Ordinal) + 1)..], "AUTHORIZED", "APPROVED");

        var outcome = await time.DriveAsync(payment.WaitForCompletionAsync(), Step);

        Assert.Equal(CardPaymentStatus.Approved, outcome.Status);
        Assert.True(payment.HasCompleted);
    }

    [Fact]
    public async Task Cancelled_with_result_approved_is_not_a_payment_in_both_apis_and_cannot_be_refunded()
    {
        var stub = new MerchantApiStub();
        var time = TestClients.Clock();
        using var client = TestClients.Client(stub, time: time);
        var id = stub.Add("inv-reversed", 98.75m);
        stub.Set(id, "CANCELLED", "APPROVED");

        var transaction = await time.DriveAsync(client.GetOperation(id).WaitForCompletionAsync(), Step);
        var outcome = await time.DriveAsync(client.AsCardPayments().GetOperation($"{MerchantApiStub.Terminal}/{id}").WaitForCompletionAsync(), Step);
        var refund = Assert.Throws<PaymentsValidationException>(() => CmComRefundRequest.For(transaction, "inv-reversed-r"));

        Assert.Equal(CmComTransactionResult.Approved, transaction.Result);
        Assert.False(transaction.IsApproved);
        Assert.True(transaction.IsOutcomeKnown);
        Assert.Equal(CardPaymentStatus.Cancelled, outcome.Status);
        Assert.Equal("reference.id", refund.Field);
        Assert.Contains("completed unsuccessfully", refund.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATED")]
    [InlineData("AUTHORIZED")]
    [InlineData("SOMETHING_NEW")]
    [InlineData("CANCELLED")]
    public async Task A_declined_result_ends_every_wait_as_declined_whatever_the_status(string status)
    {
        var stub = new MerchantApiStub();
        var time = TestClients.Clock();
        using var client = TestClients.Client(stub, time: time);
        var id = stub.Add("inv-declined");
        stub.Set(id, status, "DECLINED");

        var completed = await time.DriveAsync(client.GetOperation(id).WaitForCompletionAsync(), Step);
        var cleared = await time.DriveAsync(client.GetOperation(id).WaitForClearingAsync(), Step);
        var outcome = await time.DriveAsync(client.AsCardPayments().GetOperation($"{MerchantApiStub.Terminal}/{id}").WaitForCompletionAsync(), Step);

        Assert.Equal(CmComTransactionResult.Declined, completed.Result);
        Assert.False(completed.IsApproved);
        Assert.Equal(CmComTransactionResult.Declined, cleared.Result);
        Assert.Equal(CardPaymentStatus.Declined, outcome.Status);
    }

    [Fact]
    public async Task Approved_without_a_status_that_says_paid_keeps_the_wait_going()
    {
        var stub = new MerchantApiStub();
        var time = TestClients.Clock();
        using var client = TestClients.Client(stub, time: time);
        var id = stub.Add("inv-odd");
        stub.Set(id, "CREATED", "APPROVED");
        var operation = client.GetOperation(id);

        var wait = operation.WaitForCompletionAsync();
        await time.DriveUntilAsync(() => stub.Requests.Count >= 3, Step, maxSteps: 20);
        var early = wait.IsCompleted;
        stub.Set(id, "AUTHORIZED", "APPROVED");
        var approved = await time.DriveAsync(wait, Step);

        Assert.False(early);
        Assert.True(approved.IsApproved);
    }
}
