using Sunbay.Samples.Console;

namespace Sunbay.Samples.Tests;

public sealed class WebhookOptionTests
{
    [Fact]
    public async Task With_webhooks_the_sale_and_the_refund_are_completed_by_the_verified_webhook()
    {
        // The card is read well after the first poll, and the next poll is 10 minutes later: only the webhook ends the wait.
        await using var fake = SampleRun.StartFake(cardPresentDelayMs: 500);
        var settings = SampleRun.FastPolling();
        settings["Sunbay:Polling:InitialInterval"] = "00:10:00";
        settings["Sunbay:Polling:MaxInterval"] = "00:10:00";

        var (exitCode, output) = await SampleRun.RunAsync(fake, settings, "--webhooks");

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Equal(2, output.Split('\n').Count(l => l.Contains("completed by the webhook (signature verified)", StringComparison.Ordinal)));
        Assert.All(fake.Webhooks.Deliveries, d => Assert.Equal(200, d.StatusCode));
        Assert.Equal(2, fake.Webhooks.Deliveries.Count);
    }

    [Fact]
    public async Task With_webhooks_a_wait_the_webhook_did_not_end_is_reported_as_completed_by_polling()
    {
        await using var fake = SampleRun.StartFake();
        fake.Webhooks.HoldNext(); // the sale's webhook never comes

        var (exitCode, output) = await SampleRun.RunAsync(fake, SampleRun.FastPolling(), "--webhooks");

        Assert.True(exitCode == ExitCodes.Ok, output);
        var completions = output.Split('\n').Where(l => l.Contains("completed by", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, completions.Count); // the sale, then the refund (which either may complete: its webhook is not held)
        Assert.Contains("completed by polling", completions[0], StringComparison.Ordinal);
        Assert.Equal(1, fake.Webhooks.HeldCount);
    }

    [Fact]
    public async Task Without_webhooks_no_receiver_is_hosted_and_no_notify_url_is_sent()
    {
        await using var fake = SampleRun.StartFake();

        var (exitCode, output) = await SampleRun.RunAsync(fake, SampleRun.FastPolling());

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.DoesNotContain("Webhook receiver", output, StringComparison.Ordinal);
        Assert.All(fake.Transactions, t => Assert.Null(t.NotifyUrl));
    }
}
