namespace Sunbay.Samples.Tests;

/// <summary>What a newcomer reads: the terminal actually used, and a refund described as a refund.</summary>
public sealed class OutputTests
{
    [Fact]
    public async Task The_sale_names_the_configured_terminal_and_the_refund_is_not_described_as_a_card_read()
    {
        await using var fake = SampleRun.StartFake();

        var (exitCode, output) = await SampleRun.RunAsync(fake, SampleRun.FastPolling());

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Contains("on terminal FAKE-T1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("(configured)", output, StringComparison.Ordinal);
        var refund = output[output.IndexOf("→ Refunding", StringComparison.Ordinal)..];
        Assert.Contains("the terminal confirms the refund", refund, StringComparison.Ordinal);
        Assert.DoesNotContain("card read", refund, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pointed_at_a_local_fake_server_it_warns_that_this_is_not_SUNBAY()
    {
        await using var fake = SampleRun.StartFake();
        var settings = SampleRun.FastPolling();
        settings["Sunbay:BaseAddress"] = fake.BaseAddress.ToString();
        settings["Sunbay:ApiKey"] = fake.ApiKey;
        settings["Sunbay:AppId"] = fake.AppId;
        settings["Sunbay:MerchantId"] = fake.MerchantId;
        settings["Sunbay:TerminalSn"] = "FAKE-T1";

        var (exitCode, output) = await SampleRun.RunAsync(fake: null, settings, "terminals");

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Contains($"! Using a local server at {fake.BaseAddress} (such as `sunbay fake`), not SUNBAY", output, StringComparison.Ordinal);
    }
}
