using Sunbay.Client.Testing;
using Sunbay.Samples.Console;

namespace Sunbay.Samples.Tests;

/// <summary>
/// The sample's main command recovers from a lost answer the documented way: it looks the transactionRequestId up for
/// <c>Sunbay:Polling:NotReceivedAfter</c> and follows the transaction when SUNBAY has it. It never sends a payment or a
/// refund again (SUNBAY's go-live guide prohibits automatic retries of them): when SUNBAY never received it, the sample
/// stops, and nothing is charged twice.
/// </summary>
public sealed class RecoveryTests
{
    [Theory]
    [InlineData(FakeEndpoint.Sale)]
    [InlineData(FakeEndpoint.Refund)]
    public async Task A_lost_answer_of_a_recorded_push_is_followed_and_each_happens_once(FakeEndpoint endpoint)
    {
        await using var fake = SampleRun.StartFake();
        fake.Faults.Enqueue(endpoint, FakeFault.DropAfterRecording);

        var (exitCode, output) = await SampleRun.RunAsync(fake, SampleRun.FastPolling());

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Contains("The answer was lost", output, StringComparison.Ordinal);
        Assert.Contains("reconciled: SUNBAY has it", output, StringComparison.Ordinal);
        Assert.Equal(0, fake.Faults.Pending);
        Assert.Single(fake.Transactions, t => t.Type == "SALE");
        Assert.Single(fake.Transactions, t => t.Type == "REFUND");
        Assert.All(fake.Transactions, t => Assert.Equal("S", t.Status));
        Assert.Equal(2, fake.Journal.Count(r => r.Method == "POST"));
    }

    [Theory]
    [InlineData(FakeEndpoint.Sale, FakeFault.DropBeforeRecording, 0)]
    [InlineData(FakeEndpoint.Sale, FakeFault.GatewayTimeout, 0)]
    [InlineData(FakeEndpoint.Refund, FakeFault.DropBeforeRecording, 1)]
    public async Task A_push_that_never_arrived_is_not_sent_again(FakeEndpoint endpoint, FakeFault fault, int sales)
    {
        await using var fake = SampleRun.StartFake();
        fake.Faults.Enqueue(endpoint, fault);

        var (exitCode, output) = await SampleRun.RunAsync(fake, SampleRun.FastPolling());

        Assert.True(exitCode == ExitCodes.Failed, output);
        Assert.Contains("reconciled: SUNBAY never received it", output, StringComparison.Ordinal);
        Assert.Contains("not sending it again", output, StringComparison.Ordinal);
        Assert.Equal(0, fake.Faults.Pending);
        Assert.Equal(sales, fake.Transactions.Count(t => t.Type == "SALE"));
        Assert.DoesNotContain(fake.Transactions, t => t.Type == "REFUND");
        Assert.Equal(sales + 1, fake.Journal.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task A_push_whose_look_ups_keep_failing_stays_outcome_unknown_and_is_not_sent_again()
    {
        await using var fake = SampleRun.StartFake();
        fake.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.DropBeforeRecording);
        fake.Faults.Enqueue(FakeEndpoint.Query, FakeFault.GatewayTimeout, count: 1000);
        var settings = SampleRun.FastPolling();
        settings["Sunbay:Retry:MaxGetRetries"] = "0";

        var (exitCode, output) = await SampleRun.RunAsync(fake, settings);

        Assert.True(exitCode == ExitCodes.Failed, output);
        Assert.Contains("Looking it up failed", output, StringComparison.Ordinal);
        Assert.Contains("it may have been charged", output, StringComparison.Ordinal);
        Assert.DoesNotContain("never received", output, StringComparison.Ordinal);
        Assert.Equal(1, fake.Journal.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Without_a_lost_answer_nothing_is_reconciled()
    {
        await using var fake = SampleRun.StartFake();

        var (exitCode, output) = await SampleRun.RunAsync(fake, SampleRun.FastPolling());

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.DoesNotContain("reconciled", output, StringComparison.Ordinal);
        Assert.Equal(2, fake.Journal.Count(r => r.Method == "POST"));
    }
}
