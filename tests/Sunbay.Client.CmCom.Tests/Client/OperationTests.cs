using System.Net;
using Sunbay.Client.CmCom.Tests.Support;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.CmCom.Tests.Client;

/// <summary>The operation reads the transaction on the client's clock until its outcome is known; the clearing wait on to CLEARED.</summary>
public sealed class OperationTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task A_purchase_is_approved_at_authorized_and_followed_to_cleared_by_the_clearing_wait()
    {
        var stub = new MerchantApiStub();
        var time = TestClients.Clock();
        using var client = TestClients.Client(stub, time: time);
        var operation = await client.StartPurchaseAsync(TestClients.Purchase());
        var seen = new List<CmComTransactionStatus>();

        var wait = operation.WaitForCompletionAsync(new SynchronousProgress(t => seen.Add(t.Status)));
        await FakeTimeExtensions.WaitUntilAsync(() => seen.Count == 1);
        stub.Set(operation.Id, "AUTHORIZED", "APPROVED");
        var approved = await time.DriveAsync(wait, Step);
        var clearing = operation.WaitForClearingAsync(new SynchronousProgress(t => seen.Add(t.Status)));
        await time.DriveUntilAsync(() => seen.Count == 4, Step, maxSteps: 20);
        stub.Set(operation.Id, "CLEARED", "APPROVED");
        var cleared = await time.DriveAsync(clearing, Step);

        Assert.Equal([CmComTransactionStatus.Created, CmComTransactionStatus.Authorized, CmComTransactionStatus.Authorized, CmComTransactionStatus.Authorized, CmComTransactionStatus.Cleared], seen);
        Assert.True(approved.IsApproved);
        Assert.Equal(CmComTransactionStatus.Authorized, approved.Status);
        Assert.True(cleared.IsApproved && cleared.IsFinal);
        Assert.True(operation.HasCompleted);
        Assert.Same(cleared, operation.Value);
        Assert.Equal(5, stub.Count(HttpMethod.Get, "/terminals/"));
    }

    [Fact]
    public async Task A_decline_ends_the_wait_as_cancelled_and_is_not_an_exception()
    {
        var stub = new MerchantApiStub();
        var time = TestClients.Clock();
        using var client = TestClients.Client(stub, time: time);
        var operation = await client.StartPurchaseAsync(TestClients.Purchase());
        stub.Set(operation.Id, "CANCELLED", "DECLINED");

        var result = await time.DriveAsync(operation.WaitForCompletionAsync(), Step);

        Assert.Equal((CmComTransactionStatus.Cancelled, CmComTransactionResult.Declined), (result.Status, result.Result));
        Assert.False(result.IsApproved);
    }

    [Fact]
    public async Task Polling_backs_off_to_the_maximum_interval_with_jitter_on_the_clock()
    {
        var time = TestClients.Clock();
        var stub = new MerchantApiStub { Clock = time };
        var options = TestClients.Options(o =>
        {
            o.Polling.InitialInterval = TimeSpan.FromSeconds(1);
            o.Polling.BackoffAfter = TimeSpan.FromSeconds(3);
            o.Polling.MaxInterval = TimeSpan.FromSeconds(4);
            o.Polling.Jitter = 0;
        });
        using var client = TestClients.Client(stub, options, time);
        var operation = client.GetOperation(stub.Add("inv-1"));

        var wait = operation.WaitForCompletionAsync();
        await time.DriveUntilAsync(() => stub.Requests.Count >= 8, TimeSpan.FromMilliseconds(125), maxSteps: 400);
        var gaps = Gaps(stub);
        stub.Set(operation.Id, "CANCELLED");
        await time.DriveAsync(wait, TimeSpan.FromSeconds(1));

        Assert.Equal([1, 1, 1, 1.5, 2.25, 3.375, 4], gaps.Take(7));
    }

    [Fact]
    public async Task A_wait_without_an_outcome_ends_at_its_limit_with_the_neutral_timeout()
    {
        var time = TestClients.Clock();
        var stub = new MerchantApiStub { Clock = time };
        var options = TestClients.Options(o =>
        {
            o.Polling.InitialInterval = TimeSpan.FromSeconds(1);
            o.Polling.Jitter = 0;
            o.Polling.MaxWait = TimeSpan.FromSeconds(10);
        });
        using var client = TestClients.Client(stub, options, time);
        var started = time.GetUtcNow();

        var wait = client.GetOperation(stub.Add("inv-1")).WaitForCompletionAsync();
        var error = await Assert.ThrowsAsync<PaymentsOperationTimeoutException>(() => time.DriveAsync(wait, Step));

        Assert.Equal("CM.com", error.Provider);
        Assert.Null(error.LastError);
        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task A_failed_read_does_not_end_the_wait()
    {
        var stub = new MerchantApiStub();
        var time = TestClients.Clock();
        using var client = TestClients.Client(stub, TestClients.Options(o => o.Retry.MaxGetRetries = 0), time);
        var id = stub.Add("inv-1", status: "CLEARED");
        stub.ThenStatus(HttpStatusCode.ServiceUnavailable).ThenStatus(HttpStatusCode.Forbidden, """{"status":403,"title":"Forbidden"}""");

        var result = await time.DriveAsync(client.GetOperation(id).WaitForCompletionAsync(), Step);

        Assert.Equal(CmComTransactionStatus.Cleared, result.Status);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task A_refusal_that_asking_again_cannot_change_ends_the_wait()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);

        var error = await Assert.ThrowsAsync<CmComApiException>(() => client.GetOperation("no-such-id").WaitForCompletionAsync());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Cancelling_the_wait_stops_polling_and_leaves_the_transaction_alone()
    {
        var stub = new MerchantApiStub();
        var time = TestClients.Clock();
        using var client = TestClients.Client(stub, time: time);
        var operation = await client.StartPurchaseAsync(TestClients.Purchase());
        using var stop = new CancellationTokenSource();

        var wait = operation.WaitForCompletionAsync(stop.Token);
        await time.DriveUntilAsync(() => stub.Requests.Count >= 3, Step, maxSteps: 50);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Equal(0, stub.Count(HttpMethod.Delete, "/"));
        Assert.False(operation.HasCompleted);
        Assert.Throws<InvalidOperationException>(() => operation.Value);
    }

    [Fact]
    public async Task Disposing_the_client_ends_a_wait_with_its_own_exception()
    {
        var stub = new MerchantApiStub();
        var time = TestClients.Clock();
        var client = TestClients.Client(stub, time: time);
        var operation = client.GetOperation(stub.Add("inv-1"));

        var wait = operation.WaitForCompletionAsync();
        await FakeTimeExtensions.WaitUntilAsync(() => stub.Requests.Count == 1);
        client.Dispose();

        var error = await Assert.ThrowsAsync<CmComClientDisposedException>(() => wait);
        Assert.Equal(operation.Id, error.TransactionId);
    }

    [Fact]
    public async Task The_model_factory_builds_an_operation_for_callers_unit_tests()
    {
        var transaction = CmComModelFactory.Transaction("t-1", "SUNMI-P2-S1", CmComTransactionStatus.Cleared, CmComTransactionResult.Approved);

        var operation = CmComModelFactory.Operation(transaction);

        Assert.True(operation.HasCompleted);
        Assert.Same(transaction, await operation.WaitForCompletionAsync());
        Assert.Equal(CmComCancelOutcome.TooLate, (await operation.CancelAsync()).Outcome);
    }

    private static List<double> Gaps(MerchantApiStub stub)
    {
        var times = stub.Requests.Where(r => r.Method == HttpMethod.Get).Select(r => r.At).ToList();
        return [.. times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds)];
    }

    private sealed class SynchronousProgress(Action<CmComTransaction> report) : IProgress<CmComTransaction>
    {
        public void Report(CmComTransaction value) => report(value);
    }
}
