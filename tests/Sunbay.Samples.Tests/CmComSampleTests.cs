using Sunbay.Client.Testing;
using Sunbay.Samples.Console;

namespace Sunbay.Samples.Tests;

/// <summary>
/// <c>--provider cm</c>: purchase, wait and referenced refund, and cancel (204 or 409), against the embedded fake and
/// against a CM.com host given through the <c>CmCom</c> configuration section, as an application would configure it.
/// </summary>
public sealed class CmComSampleTests
{
    [Fact]
    public async Task Sale_purchases_waits_and_refunds_the_purchase_on_the_embedded_fake()
    {
        await using var fake = SampleRun.StartCmComFake();

        var (exitCode, output) = await SampleRun.RunAsync(null, fake, SampleRun.FastCmComPolling(), "--provider", "cm");

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Contains("Using an embedded FakeCmComHost (no CmCom__ApiKey is configured)", output, StringComparison.Ordinal);
        Assert.Contains("→ Purchase of 10.00 EUR", output, StringComparison.Ordinal);
        Assert.Contains("✔ Purchase approved.", output, StringComparison.Ordinal);
        Assert.Contains("✔ Refund approved.", output, StringComparison.Ordinal);
        var purchase = Assert.Single(fake.Transactions, t => t.Type == "PURCHASE");
        var refund = Assert.Single(fake.Transactions, t => t.Type == "REFUND");
        Assert.Equal(purchase.Id, refund.ReferenceId);
        Assert.Equal($"{purchase.MerchantOrderReference}-R", refund.MerchantOrderReference);
        // Approved once AUTHORIZED with result APPROVED: the sample does not wait for clearing (issue 20).
        Assert.All(fake.Transactions, t => Assert.Contains(t.Status, new[] { "AUTHORIZED", "CLEARED" }));
    }

    [Fact]
    public async Task Configured_CmCom_section_is_used_instead_of_the_embedded_fake_and_the_key_is_never_printed()
    {
        await using var host = SampleRun.StartCmComFake();
        var settings = SampleRun.FastCmComPolling();
        settings["CmCom:ApiKey"] = host.ApiKey;
        settings["CmCom:BaseAddress"] = host.BaseAddress.ToString();
        settings["CmCom:Terminal"] = host.Terminals[0].Id;

        var (exitCode, output) = await SampleRun.RunAsync(null, cmFake: null, settings, "--provider", "cm", "--amount", "1500", "--currency", "jpy");

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Contains($"Using a local server at {host.BaseAddress}, not CM.com", output, StringComparison.Ordinal);
        Assert.Contains("→ Purchase of 1500 JPY", output, StringComparison.Ordinal);
        Assert.DoesNotContain(host.ApiKey!, output, StringComparison.Ordinal);
        Assert.Equal(1500m, Assert.Single(host.Transactions, t => t.Type == "PURCHASE").Amount);
        Assert.Single(host.Transactions, t => t.Type == "REFUND");
    }

    [Fact]
    public async Task A_wrong_key_names_the_setting_to_fix()
    {
        await using var host = SampleRun.StartCmComFake();
        var settings = SampleRun.FastCmComPolling();
        settings["CmCom:ApiKey"] = "cm_wrong_key_0000";
        settings["CmCom:BaseAddress"] = host.BaseAddress.ToString();
        settings["CmCom:Terminal"] = host.Terminals[0].Id;

        var (exitCode, output) = await SampleRun.RunAsync(null, cmFake: null, settings, "--provider", "cm");

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Contains("Check CmCom__ApiKey", output, StringComparison.Ordinal);
        Assert.DoesNotContain("cm_wrong_key_0000", output, StringComparison.Ordinal);
        Assert.Empty(host.Transactions);
    }

    [Fact]
    public async Task A_dropped_purchase_is_found_by_its_reference_and_never_posted_twice()
    {
        await using var fake = SampleRun.StartCmComFake();
        fake.Faults.Enqueue(FakeEndpoint.StartTransaction, FakeFault.DropAfterRecording);

        var (exitCode, output) = await SampleRun.RunAsync(null, fake, SampleRun.FastCmComPolling(), "--provider", "cm");

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Contains("The answer was lost", output, StringComparison.Ordinal);
        Assert.Contains("reconciled: CM.com has it", output, StringComparison.Ordinal);
        Assert.Equal(0, fake.Faults.Pending);
        Assert.Single(fake.Transactions, t => t.Type == "PURCHASE");
        Assert.Single(fake.Transactions, t => t.Type == "REFUND");
    }

    [Fact]
    public async Task A_purchase_that_never_arrived_is_not_posted_again()
    {
        await using var fake = SampleRun.StartCmComFake();
        fake.Faults.Enqueue(FakeEndpoint.StartTransaction, FakeFault.DropBeforeRecording);

        var (exitCode, output) = await SampleRun.RunAsync(null, fake, SampleRun.FastCmComPolling(), "--provider", "cm");

        Assert.True(exitCode == ExitCodes.Failed, output);
        Assert.Contains("reconciled: CM.com never received it", output, StringComparison.Ordinal);
        Assert.Contains("not posting it again", output, StringComparison.Ordinal);
        Assert.Equal(0, fake.Faults.Pending);
        Assert.Empty(fake.Transactions);
    }

    [Fact]
    public async Task Cancel_before_the_card_is_cancelled_and_nothing_is_charged()
    {
        await using var fake = SampleRun.StartCmComFake();
        fake.Terminals[0].NeverPresentCardNext();

        var (exitCode, output) = await SampleRun.RunAsync(null, fake, SampleRun.FastCmComPolling(), "--provider", "cm", "cancel");

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Contains("✔ Cancelled (204)", output, StringComparison.Ordinal);
        Assert.Equal("CANCELLED", Assert.Single(fake.Transactions).Status);
    }

    [Fact]
    public async Task Cancel_too_late_reads_the_real_status_and_shows_the_refund_on_the_fake()
    {
        await using var fake = SampleRun.StartCmComFake();

        var (exitCode, output) = await SampleRun.RunAsync(null, fake, SampleRun.FastCmComPolling(), "--provider", "cm", "cancel", "--late");

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Contains("Too late to cancel (409)", output, StringComparison.Ordinal);
        Assert.Contains("(APPROVED)", output, StringComparison.Ordinal);
        Assert.Contains("the merchant probably wants a refund", output, StringComparison.Ordinal);
        Assert.Contains("✔ Refund approved.", output, StringComparison.Ordinal);
        Assert.Equal("APPROVED", Assert.Single(fake.Transactions, t => t.Type == "PURCHASE").Result);
        Assert.Single(fake.Transactions, t => t.Type == "REFUND");
    }

    [Theory]
    [InlineData("--provider", "cm", "abort", "'abort' is a SUNBAY command")]
    [InlineData("--provider", "cm", "--webhooks", "CM.com has no webhooks")]
    [InlineData("--provider", "paypal", "--provider paypal")]
    [InlineData("cancel", "'cancel' is a CM.com command")]
    public async Task Provider_mismatches_say_what_to_fix(params string[] argsAndMessage)
    {
        var (exitCode, output) = await SampleRun.RunAsync(fake: null, new Dictionary<string, string?>(), argsAndMessage[..^1]);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains(argsAndMessage[^1], output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cm_help_lists_its_commands_and_configuration()
    {
        var (exitCode, output) = await SampleRun.RunAsync(fake: null, new Dictionary<string, string?>(), "--provider", "cm", "--help");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.All(CmComUsage.Commands, c => Assert.Contains($"  {c.Name} ", output, StringComparison.Ordinal));
        Assert.Contains("CmCom__ApiKey", output, StringComparison.Ordinal);
    }
}
