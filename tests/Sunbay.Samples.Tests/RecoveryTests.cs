using Sunbay.Client.Testing;
using Sunbay.Samples.Console;

namespace Sunbay.Samples.Tests;

/// <summary>
/// The sample's main command recovers from a lost answer the documented way (query the transactionRequestId, follow the
/// transaction or send it again with the same key) and goes on to the final state: never a second charge or refund.
/// </summary>
public sealed class RecoveryTests
{
    [Theory]
    [InlineData(FakeEndpoint.Sale, FakeFault.DropAfterRecording, "SUNBAY has it")]
    [InlineData(FakeEndpoint.Sale, FakeFault.DropBeforeRecording, "SUNBAY never received it")]
    [InlineData(FakeEndpoint.Sale, FakeFault.GatewayTimeout, "SUNBAY never received it")]
    [InlineData(FakeEndpoint.Refund, FakeFault.DropAfterRecording, "SUNBAY has it")]
    [InlineData(FakeEndpoint.Refund, FakeFault.DropBeforeRecording, "SUNBAY never received it")]
    public async Task A_lost_answer_is_reconciled_and_the_sale_and_refund_each_happen_once(FakeEndpoint endpoint, FakeFault fault, string reconciled)
    {
        await using var fake = SampleRun.StartFake();
        fake.Faults.Enqueue(endpoint, fault);

        var (exitCode, output) = await SampleRun.RunAsync(fake, SampleRun.FastPolling());

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Contains("The answer was lost", output, StringComparison.Ordinal);
        Assert.Contains($"reconciled: {reconciled}", output, StringComparison.Ordinal);
        Assert.Equal(0, fake.Faults.Pending);
        Assert.Single(fake.Transactions, t => t.Type == "SALE");
        Assert.Single(fake.Transactions, t => t.Type == "REFUND");
        Assert.All(fake.Transactions, t => Assert.Equal("S", t.Status));
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
