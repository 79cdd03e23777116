using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Sunbay.Client.Testing;

namespace Sunbay.Cli.Commands;

/// <summary><c>sunbay golive</c>: SUNBAY's go-live checklist, one line per item.</summary>
internal static class GoLiveCommand
{
    private const string Items = """
        Runs SUNBAY's go-live checklist: one line per item (✅ passed, ❌ failed, ⚪ not checked) with the traceId to quote to
        SUNBAY support.

        Items:
          Credentials valid           a query of a random transactionRequestId is answered "not found", not "unauthorised"
          Sale approved               a small sale is dispatched to the terminal and approved (tap a card)
          Sale webhook verified       its webhook reaches the notify URL with a valid signature
          Query matches the webhook   the query answers the same status, amount and IDs as the webhook
          Refund approved             the sale is refunded in full
          Refund webhook verified     the refund's webhook arrives with a valid signature
          Void of a same-day sale     a second small sale is voided (tap the card again)
          Batch query                 the terminal's open batch totals are answered
        Everything charged is refunded or voided. Exit code 0 when no item failed, 1 otherwise.

        Webhook items need Sunbay__NotifyUrl (a public HTTPS URL routed to http://127.0.0.1:<--webhook-port>/webhooks/sunbay,
        e.g. `cloudflared tunnel --url http://127.0.0.1:5080`) and Sunbay__Webhooks__Secrets__0; without them they are "not checked".
        Without Sunbay__ApiKey the check runs against an embedded fake and says so: it then proves nothing about your account.
        """;

    /// <summary>Builds the command.</summary>
    /// <param name="configuration">Settings.</param>
    /// <param name="ui">Where to write.</param>
    /// <param name="fake">A fake host to run against (tests).</param>
    /// <param name="detailed">Whether its help lists the items (its own <c>--help</c>), or is one line (the command list).</param>
    public static Command Create(IConfiguration configuration, ConsoleUi ui, FakeSunbayHost? fake, bool detailed)
    {
        var amount = new Option<long?>("--amount") { Description = $"Amount of each sale in minor units (default 100 = 1.00); at most Sunbay__GoLive__MaxAmount (default {GoLiveOptions.DefaultMaxAmount})." };
        var currency = new Option<string>("--currency") { Description = "ISO 4217 currency (default USD).", DefaultValueFactory = _ => "USD" };
        var terminal = new Option<string?>("--terminal") { Description = "Terminal serial number (default: Sunbay__TerminalSn)." };
        var webhookPort = new Option<int?>("--webhook-port") { Description = "Local port of the webhook receiver (default: random with the embedded fake, 5080 otherwise)." };
        var command = new Command("golive", detailed ? Items : "Runs SUNBAY's go-live checklist, one line per item with the traceId to quote to SUNBAY support.")
        {
            amount, currency, terminal, webhookPort,
        };
        command.SetAction((result, ct) => SunbayCli.GuardAsync(
            ui,
            () => RunAsync(configuration, ui, fake, result.GetValue(amount), result.GetValue(currency)!.ToUpperInvariant(), result.GetValue(terminal), result.GetValue(webhookPort), ct),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(IConfiguration configuration, ConsoleUi ui, FakeSunbayHost? fake, long? amountOption, string currency, string? terminal, int? webhookPort, CancellationToken cancellationToken)
    {
        long maxAmount = GoLiveOptions.DefaultMaxAmount;
        var configured = configuration["Sunbay:GoLive:MaxAmount"];
        if (configured is not null && !long.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out maxAmount))
        {
            throw new SettingException($"Sunbay__GoLive__MaxAmount '{configured}' is not a whole number of minor units (e.g. 100 for 1.00).");
        }

        if (amountOption is < 1)
        {
            ui.Failure("--amount must be at least 1 (minor units, e.g. --amount 100 for 1.00).");
            return ExitCodes.BadArguments;
        }

        if (amountOption > maxAmount)
        {
            ui.Failure($"--amount {amountOption} is above the go-live limit of {maxAmount} minor units. The go-live check charges a small amount on purpose; raise Sunbay__GoLive__MaxAmount only if your processor needs more.");
            return ExitCodes.BadArguments;
        }

        var inbox = new WebhookInbox();
        await using var environment = await CommandEnvironment.StartAsync(
            configuration,
            new CommandEnvironmentOptions { FakeHost = fake, Webhooks = WebhookMode.WhenConfigured, WebhookObserver = inbox, WebhookPort = webhookPort },
            cancellationToken);
        (environment.FakeKind is null ? (Action<string>)ui.Info : ui.Warning)($"Using {environment.Description}.");
        if (environment.Receiver is not null)
        {
            ui.Info($"Webhook receiver on {environment.Receiver.LocalUrl}; notifyUrl {environment.NotifyUrl}.");
        }

        var timeout = configuration["Sunbay:GoLive:WebhookTimeout"] is { } configuredTimeout && TimeSpan.TryParse(configuredTimeout, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : environment.Fake is null ? TimeSpan.FromSeconds(60) : TimeSpan.FromSeconds(10);
        var amount = amountOption ?? Math.Min(100, maxAmount);
        ui.Step($"SUNBAY go-live check: two sales of {ConsoleUi.Money(amount, currency)} (one refunded, one voided)");
        var check = new GoLiveCheck(environment.Client, new GoLiveOptions
        {
            Amount = amount,
            MaxAmount = maxAmount,
            Currency = currency,
            TerminalSn = terminal,
            Webhooks = environment.Receiver is null ? null : inbox,
            NotifyUrl = environment.NotifyUrl,
            WebhookTimeout = timeout,
        }, ui);
        var report = await check.RunAsync(cancellationToken);
        var passed = report.Items.Count(i => i.Status == GoLiveStatus.Passed);
        var failed = report.Items.Count(i => i.Status == GoLiveStatus.Failed);
        var skipped = report.Items.Count(i => i.Status == GoLiveStatus.NotChecked);
        var summary = $"Go-live check: {passed} passed, {failed} failed, {skipped} not checked.";
        if (!report.Passed)
        {
            ui.Failure(summary + " Fix the ❌ items; quote the traceId of an item to SUNBAY support.");
        }
        else if (environment.FakeKind is not null)
        {
            ui.Success(summary);
        }
        else
        {
            ui.Success(skipped == 0 ? summary + " Ready for the go-live review." : summary + " Configure what was not checked before the go-live review.");
        }

        if (environment.FakeKind is not null)
        {
            ui.Warning($"This ran against {environment.FakeKind}, NOT a SUNBAY account: it shows how the check works, not that your integration is ready. "
                + "For the real check set Sunbay__Environment=Sandbox (or Production), Sunbay__ApiKey, Sunbay__AppId, Sunbay__MerchantId and Sunbay__TerminalSn, without Sunbay__BaseAddress.");
        }

        return report.Passed ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
