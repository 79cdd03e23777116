using Sunbay.Client;

namespace Sunbay.Cli.Tests;

/// <summary><c>sunbay trigger</c>, <c>transaction</c> and <c>terminals</c>, and what each says when a setting is missing.</summary>
public sealed class CommandTests
{
    private const string Secret = "whsec_test_cli_0123456789abcdef";

    [Fact]
    public async Task Trigger_sends_a_webhook_the_endpoint_verifies()
    {
        var bus = new InProcessTransactionNotificationBus();
        var inbox = new WebhookInbox();
        await using var receiver = await WebhookReceiver.StartAsync([Secret], bus, inbox, port: 0, CancellationToken.None);

        var (exitCode, output) = await CliRun.RunAsync(fake: null, new Dictionary<string, string?> { ["Sunbay:Webhooks:Secrets:0"] = Secret },
            "trigger", "--url", receiver.LocalUrl.ToString(), "--status", "fail", "--amount", "1234", "--transaction-request-id", "order-42-pay");

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Contains("HTTP 200: delivered", output, StringComparison.Ordinal);
        var notification = Assert.Single(inbox.Verified);
        Assert.Equal("order-42-pay", notification.Transaction.TransactionRequestId);
        Assert.Equal(TransactionStatus.Fail, notification.Transaction.Status);
        Assert.Equal(1234, notification.Transaction.Amount?.Total);
    }

    [Fact]
    public async Task Trigger_with_another_secret_says_the_signature_was_refused()
    {
        var inbox = new WebhookInbox();
        await using var receiver = await WebhookReceiver.StartAsync([Secret], new InProcessTransactionNotificationBus(), inbox, port: 0, CancellationToken.None);

        var (exitCode, output) = await CliRun.RunAsync(fake: null, new Dictionary<string, string?>(), "trigger", "--url", receiver.LocalUrl.ToString(), "--secret", "whsec_wrong");

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("HTTP 401", output, StringComparison.Ordinal);
        Assert.Contains("--secret", output, StringComparison.Ordinal);
        Assert.Empty(inbox.Verified);
    }

    [Fact]
    public async Task Trigger_without_a_secret_names_the_setting()
    {
        var (exitCode, output) = await CliRun.RunAsync(fake: null, new Dictionary<string, string?>(), "trigger");

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Contains("Sunbay__Webhooks__Secrets__0", output, StringComparison.Ordinal);
        Assert.Contains("--secret", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("terminals")]
    [InlineData("transaction", "7225836252468027")]
    public async Task Account_commands_without_a_key_name_it_and_offer_the_fake(params string[] args)
    {
        var (exitCode, output) = await CliRun.RunAsync(fake: null, new Dictionary<string, string?>(), args);

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Contains("Sunbay__ApiKey is not set", output, StringComparison.Ordinal);
        Assert.Contains("sunbay fake", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_account_setting_names_its_environment_variable()
    {
        var (exitCode, output) = await CliRun.RunAsync(fake: null, new Dictionary<string, string?> { ["Sunbay:ApiKey"] = "sk_test_x" }, "terminals");

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Contains("Sunbay__AppId", output, StringComparison.Ordinal);
        Assert.Contains("Sunbay__MerchantId", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminals_and_transaction_read_the_configured_account()
    {
        await using var fake = CliRun.StartFake();
        using var client = fake.CreateClient();
        var sale = await (await client.StartSaleAsync(new SaleRequest { Amount = 700, Currency = "USD", ReferenceOrderId = "CLI-TEST-1", Description = "CLI test" })).WaitForCompletionAsync();

        var (terminalsExit, terminals) = await CliRun.RunAsync(fake: null, CliRun.PointedAt(fake), "terminals");
        var (byIdExit, byId) = await CliRun.RunAsync(fake: null, CliRun.PointedAt(fake), "transaction", sale.TransactionId!);
        var (byKeyExit, byKey) = await CliRun.RunAsync(fake: null, CliRun.PointedAt(fake), "transaction", "--request-id", sale.TransactionRequestId);
        var (missingExit, missing) = await CliRun.RunAsync(fake: null, CliRun.PointedAt(fake), "transaction", "--request-id", "never-sent-0001");

        Assert.True(terminalsExit == ExitCodes.Ok, terminals);
        Assert.Contains("FAKE-T1", terminals, StringComparison.Ordinal);
        Assert.Contains("1 terminal(s)", terminals, StringComparison.Ordinal);
        Assert.True(byIdExit == ExitCodes.Ok, byId);
        Assert.Contains(sale.TransactionRequestId, byId, StringComparison.Ordinal);
        Assert.True(byKeyExit == ExitCodes.Ok, byKey);
        Assert.Contains(sale.TransactionId!, byKey, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, missingExit);
        Assert.Contains("No transaction with transactionRequestId 'never-sent-0001'", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_refuses_a_url_that_is_not_one()
    {
        var (exitCode, output) = await CliRun.RunAsync(fake: null, new Dictionary<string, string?>(), "trigger", "--url", "localhost:5080", "--secret", Secret);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("give the endpoint's absolute http(s) URL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_names_the_help_to_read()
    {
        var (exitCode, output) = await CliRun.RunAsync(fake: null, new Dictionary<string, string?>(), "fake", "--prot", "5000");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("--prot", output, StringComparison.Ordinal);
        Assert.Contains("sunbay fake --help", output, StringComparison.Ordinal);
    }
}
