using Sunbay.Client.Testing;

namespace Sunbay.Cli.Tests;

public sealed class GoLiveTests
{
    private static readonly string[] Items =
    [
        GoLiveCheck.Credentials, GoLiveCheck.Sale, GoLiveCheck.SaleWebhook, GoLiveCheck.QueryConsistent,
        GoLiveCheck.Refund, GoLiveCheck.RefundWebhook, GoLiveCheck.Void, GoLiveCheck.BatchQuery,
    ];

    [Fact]
    public async Task Every_item_passes_against_the_fake_host_and_everything_charged_is_given_back()
    {
        await using var fake = CliRun.StartFake();

        var (exitCode, output) = await CliRun.RunAsync(fake, CliRun.FastPolling(), "golive");

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.All(Items, item => Assert.Equal('✅', CliRun.LineOf(output, item)[0]));
        Assert.Contains("8 passed, 0 failed, 0 not checked", output, StringComparison.Ordinal);
        // It says plainly that this proves nothing about a SUNBAY account.
        Assert.Contains("embedded FakeSunbayHost", output, StringComparison.Ordinal);
        Assert.Contains("NOT a SUNBAY account", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Ready for the go-live review", output, StringComparison.Ordinal);
        // Each API item names the traceId SUNBAY answered; webhook items the delivery's X-Client-Request-Id.
        Assert.Matches(@"\[traceId [0-9a-f]{32}\]", CliRun.LineOf(output, GoLiveCheck.Sale));
        Assert.Matches(@"\[traceId [0-9a-f]{32}\]", CliRun.LineOf(output, GoLiveCheck.BatchQuery));
        Assert.Contains("[X-Client-Request-Id ", CliRun.LineOf(output, GoLiveCheck.SaleWebhook), StringComparison.Ordinal);

        // Two sales of the default 1.00: one refunded, one voided; nothing else.
        var sales = fake.Transactions.Where(t => t.Type == "SALE").ToList();
        Assert.Equal(2, sales.Count);
        Assert.All(sales, s => Assert.Equal(100, s.OrderAmount));
        Assert.Single(fake.Transactions, t => t.Type == "REFUND" && t.Status == "S" && t.TransAmount == 100);
        Assert.Single(fake.Transactions, t => t.Type == "VOID" && t.Status == "S");
        // The refund's progress describes the terminal confirming it, not a card read.
        var refund = output[output.IndexOf("refund of ", StringComparison.Ordinal)..output.IndexOf(GoLiveCheck.Refund, StringComparison.Ordinal)];
        Assert.DoesNotContain("card read", refund, StringComparison.Ordinal);
        // Webhooks went to the in-process receiver and were acknowledged.
        Assert.All(fake.Transactions, t => Assert.StartsWith("http://127.0.0.1:", t.NotifyUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_declined_sale_fails_its_item_skips_what_needs_it_and_the_rest_goes_on()
    {
        await using var fake = CliRun.StartFake();
        fake.Terminal("FAKE-T1").DeclineNext("005", "Do not honor");

        var (exitCode, output) = await CliRun.RunAsync(fake, CliRun.FastPolling(), "golive");

        Assert.True(exitCode == ExitCodes.Failed, output);
        var marks = CliRun.Marks(output);
        Assert.Equal('❌', marks[GoLiveCheck.Sale]);
        Assert.Contains("declined: 005 Do not honor", CliRun.LineOf(output, GoLiveCheck.Sale), StringComparison.Ordinal);
        Assert.All([GoLiveCheck.SaleWebhook, GoLiveCheck.QueryConsistent, GoLiveCheck.Refund, GoLiveCheck.RefundWebhook], item => Assert.Equal('⚪', marks[item]));
        Assert.All([GoLiveCheck.Credentials, GoLiveCheck.Void, GoLiveCheck.BatchQuery], item => Assert.Equal('✅', marks[item]));
        Assert.DoesNotContain(fake.Transactions, t => t.Type == "REFUND"); // nothing was charged, nothing refunded
    }

    [Fact]
    public async Task A_webhook_with_a_bad_signature_fails_only_the_webhook_item()
    {
        await using var fake = CliRun.StartFake();
        fake.Webhooks.TamperNext(); // the first sale's notification: its body no longer matches the signature

        var (exitCode, output) = await CliRun.RunAsync(fake, CliRun.FastPolling(), "golive");

        Assert.True(exitCode == ExitCodes.Failed, output);
        var marks = CliRun.Marks(output);
        Assert.Equal('❌', marks[GoLiveCheck.SaleWebhook]);
        Assert.Contains("HTTP 401", CliRun.LineOf(output, GoLiveCheck.SaleWebhook), StringComparison.Ordinal);
        Assert.Contains("Sunbay__Webhooks__Secrets__0", CliRun.LineOf(output, GoLiveCheck.SaleWebhook), StringComparison.Ordinal);
        Assert.All(Items.Where(i => i != GoLiveCheck.SaleWebhook), item => Assert.Equal('✅', marks[item]));
        Assert.Contains("(no webhook to compare)", CliRun.LineOf(output, GoLiveCheck.QueryConsistent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_that_never_arrives_fails_only_the_webhook_item()
    {
        await using var fake = CliRun.StartFake();
        fake.Webhooks.HoldNext(); // the first sale's notification is never sent
        var settings = CliRun.FastPolling();
        settings["Sunbay:GoLive:WebhookTimeout"] = "00:00:00.300";

        var (exitCode, output) = await CliRun.RunAsync(fake, settings, "golive");

        Assert.True(exitCode == ExitCodes.Failed, output);
        var marks = CliRun.Marks(output);
        Assert.Equal('❌', marks[GoLiveCheck.SaleWebhook]);
        Assert.Contains("no webhook for", CliRun.LineOf(output, GoLiveCheck.SaleWebhook), StringComparison.Ordinal);
        Assert.All(Items.Where(i => i != GoLiveCheck.SaleWebhook), item => Assert.Equal('✅', marks[item]));
        Assert.Contains("(completed by polling)", CliRun.LineOf(output, GoLiveCheck.Sale), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_batch_query_fails_only_the_batch_item()
    {
        await using var fake = CliRun.StartFake();
        fake.Faults.Enqueue(FakeEndpoint.BatchQuery, FakeFault.MalformedJson, count: 10);

        var (exitCode, output) = await CliRun.RunAsync(fake, CliRun.FastPolling(), "golive");

        Assert.True(exitCode == ExitCodes.Failed, output);
        var marks = CliRun.Marks(output);
        Assert.Equal('❌', marks[GoLiveCheck.BatchQuery]);
        Assert.All(Items.Where(i => i != GoLiveCheck.BatchQuery), item => Assert.Equal('✅', marks[item]));
    }

    [Fact]
    public async Task Rejected_credentials_fail_the_first_item_and_nothing_is_charged()
    {
        await using var fake = CliRun.StartFake();
        var inbox = new WebhookInbox();
        await using var environment = await CommandEnvironment.StartAsync(
            CliRun.Configuration(CliRun.FastPolling()),
            new CommandEnvironmentOptions { FakeHost = fake, Webhooks = WebhookMode.WhenConfigured, WebhookObserver = inbox },
            CancellationToken.None);
        fake.ApiKey = "sk_test_rotated_0000000000000000"; // the configured key is no longer valid
        using var output = new StringWriter();
        var check = new GoLiveCheck(environment.Client, new GoLiveOptions { Webhooks = inbox }, new ConsoleUi(output, interactive: false));

        var report = await check.RunAsync(CancellationToken.None);

        Assert.False(report.Passed);
        Assert.Equal(GoLiveStatus.Failed, report[GoLiveCheck.Credentials].Status);
        Assert.Contains("Sunbay__ApiKey", report[GoLiveCheck.Credentials].Detail, StringComparison.Ordinal);
        Assert.All(Items.Skip(1), item => Assert.Equal(GoLiveStatus.NotChecked, report[item].Status));
        Assert.Empty(fake.Transactions);
    }

    [Fact]
    public async Task Without_a_notify_url_the_webhook_items_are_not_checked_and_the_check_still_passes()
    {
        await using var fake = CliRun.StartFake();
        await using var environment = await CommandEnvironment.StartAsync(
            CliRun.Configuration(CliRun.FastPolling()),
            new CommandEnvironmentOptions { FakeHost = fake, Webhooks = WebhookMode.Off },
            CancellationToken.None);
        using var output = new StringWriter();
        var check = new GoLiveCheck(environment.Client, new GoLiveOptions(), new ConsoleUi(output, interactive: false));

        var report = await check.RunAsync(CancellationToken.None);

        Assert.True(report.Passed);
        Assert.Equal(GoLiveStatus.NotChecked, report[GoLiveCheck.SaleWebhook].Status);
        Assert.Equal(GoLiveStatus.NotChecked, report[GoLiveCheck.RefundWebhook].Status);
        Assert.Contains("Sunbay__NotifyUrl", report[GoLiveCheck.SaleWebhook].Detail, StringComparison.Ordinal);
        Assert.Equal(6, report.Items.Count(i => i.Status == GoLiveStatus.Passed));
    }

    [Fact]
    public async Task An_amount_above_the_go_live_limit_is_refused_before_anything_is_sent()
    {
        await using var fake = CliRun.StartFake();

        var (exitCode, output) = await CliRun.RunAsync(fake, CliRun.FastPolling(), "golive", "--amount", "5000");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("Sunbay__GoLive__MaxAmount", output, StringComparison.Ordinal);
        Assert.Empty(fake.Journal);
    }

    [Fact]
    public async Task The_configured_limit_allows_a_larger_amount()
    {
        await using var fake = CliRun.StartFake();
        var settings = CliRun.FastPolling();
        settings["Sunbay:GoLive:MaxAmount"] = "250";

        var (exitCode, output) = await CliRun.RunAsync(fake, settings, "golive", "--amount", "250");

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.All(fake.Transactions.Where(t => t.Type == "SALE"), s => Assert.Equal(250, s.OrderAmount));
    }

    [Fact]
    public async Task Against_a_local_server_it_says_it_was_not_a_SUNBAY_account()
    {
        await using var fake = CliRun.StartFake();

        var (exitCode, output) = await CliRun.RunAsync(fake: null, CliRun.PointedAt(fake), "golive");

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Contains("a local server at " + fake.BaseAddress, output, StringComparison.Ordinal);
        Assert.Contains("NOT a SUNBAY account", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_own_help_lists_the_items()
    {
        var (exitCode, output) = await CliRun.RunAsync(fake: null, new Dictionary<string, string?>(), "golive", "--help");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains(GoLiveCheck.RefundWebhook, output, StringComparison.Ordinal);
        Assert.Contains("Sunbay__GoLive__MaxAmount", output, StringComparison.Ordinal);
    }
}
