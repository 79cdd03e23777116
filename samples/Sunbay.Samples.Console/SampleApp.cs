using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Sunbay.Client;
using Sunbay.Client.Testing;

namespace Sunbay.Samples.Console;

/// <summary>
/// The sample's command line, callable from tests: parse, start the environment, run the command, turn every failure into
/// a message that says what to fix and an exit code.
/// </summary>
internal static partial class SampleApp
{
    /// <summary>Runs one command.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="configuration">Settings (section <c>Sunbay</c>); without <c>Sunbay:ApiKey</c> the fake host is used.</param>
    /// <param name="ui">Where to write.</param>
    /// <param name="fake">A fake host to run against instead of starting one (tests); not disposed.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The process exit code (<see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, ConsoleUi ui, FakeSunbayHost? fake, CancellationToken cancellationToken)
    {
        var (arguments, argumentError) = SampleArguments.Parse(args);
        if (arguments is null)
        {
            ui.Failure(argumentError!);
            return ExitCodes.BadArguments;
        }

        if (arguments.Help)
        {
            ui.Text(arguments.HelpText);
            return ExitCodes.Ok;
        }

        var golive = arguments.Command == "golive";
        long maxAmount = GoLiveOptions.DefaultMaxAmount;
        if (golive)
        {
            var configured = configuration["Sunbay:GoLive:MaxAmount"];
            if (configured is not null && !long.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out maxAmount))
            {
                ui.Failure($"Sunbay__GoLive__MaxAmount '{configured}' is not a whole number of minor units (e.g. 100 for 1.00).");
                return ExitCodes.BadConfiguration;
            }

            if (arguments.AmountOption > maxAmount)
            {
                ui.Failure($"--amount {arguments.AmountOption} is above the go-live limit of {maxAmount} minor units. The go-live check charges a small amount on purpose; raise Sunbay__GoLive__MaxAmount only if your processor needs more.");
                return ExitCodes.BadArguments;
            }
        }

        try
        {
            await using var environment = await SampleEnvironment.StartAsync(
                configuration,
                new SampleEnvironmentOptions
                {
                    FakeHost = fake,
                    Webhooks = golive ? WebhookMode.WhenConfigured : arguments.Webhooks ? WebhookMode.On : WebhookMode.Off,
                    WebhookPort = arguments.WebhookPort,
                },
                cancellationToken);
            (environment.Fake is null ? (Action<string>)ui.Info : ui.Warning)($"Using {environment.Description}.");
            if (environment.Receiver is not null)
            {
                ui.Info($"Webhook receiver on {environment.Receiver.LocalUrl}; notifyUrl {environment.NotifyUrl}.");
            }

            if (golive)
            {
                return await GoLiveAsync(environment, arguments, maxAmount, configuration, ui, cancellationToken);
            }

            var scenarios = new Scenarios(environment.Client, arguments, ui, environment.Inbox);
            return arguments.Command switch
            {
                "auth" => await scenarios.AuthAndCaptureAsync(cancellationToken),
                "void" => await scenarios.SaleAndVoidAsync(cancellationToken),
                "abort" => await scenarios.AbortAsync(cancellationToken),
                "tip-adjust" => await scenarios.TipAdjustAsync(cancellationToken),
                "batch-close" => await scenarios.BatchCloseAsync(cancellationToken),
                "terminals" => await scenarios.ListTerminalsAsync(cancellationToken),
                _ => await scenarios.SaleAndRefundAsync(cancellationToken),
            };
        }
        catch (SampleConfigurationException ex)
        {
            ui.Failure($"Configuration: {ex.Message}");
            return ExitCodes.BadConfiguration;
        }
        catch (OptionsValidationException ex)
        {
            ui.Failure($"Configuration: {NameEnvironmentVariables(string.Join(" ", ex.Failures))}");
            return ExitCodes.BadConfiguration;
        }
        catch (SunbayValidationException ex)
        {
            ui.Failure($"{NameEnvironmentVariables(ex.Message)} Fix the option or setting named there (e.g. --terminal or Sunbay__TerminalSn).");
            return ExitCodes.BadArguments;
        }
        catch (SunbayClockSkewException ex)
        {
            ui.Failure($"{ex.Message} Synchronise this machine's clock (SUNBAY accepts ±10 minutes).");
            return ExitCodes.Failed;
        }
        catch (SunbayApiException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
        {
            ui.Failure($"{ex.Message} Check Sunbay__ApiKey (a Sandbox key for Sunbay__Environment=Sandbox, a live key for Production), Sunbay__AppId and Sunbay__MerchantId.");
            return ExitCodes.BadConfiguration;
        }
        catch (SunbayApiException ex)
        {
            ui.Failure($"{ex.Message} Check the IDs in Sunbay__* settings; quote the traceId to SUNBAY support.");
            return ExitCodes.Failed;
        }
        catch (SunbayTransportException ex) when (ex.OutcomeUnknown)
        {
            ui.Failure($"{ex.Message} Query transactionRequestId '{ex.TransactionRequestId}' before trying again: it may have been charged.");
            return ExitCodes.Failed;
        }
        catch (SunbayTransportException ex)
        {
            ui.Failure($"{ex.Message} Check the network and Sunbay__Environment / Sunbay__BaseAddress.");
            return ExitCodes.Failed;
        }
        catch (SunbayException ex)
        {
            ui.Failure(ex.Message);
            return ExitCodes.Failed;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("--webhook-port", StringComparison.Ordinal))
        {
            ui.Failure(ex.Message);
            return ExitCodes.BadArguments;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ui.Warning("Cancelled. A transaction already pushed to the terminal goes on: query it by its transactionRequestId.");
            return ExitCodes.Failed;
        }
    }

    private static async Task<int> GoLiveAsync(SampleEnvironment environment, SampleArguments arguments, long maxAmount, IConfiguration configuration, ConsoleUi ui, CancellationToken cancellationToken)
    {
        var timeout = configuration["Sunbay:GoLive:WebhookTimeout"] is { } configured && TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : environment.Fake is null ? TimeSpan.FromSeconds(60) : TimeSpan.FromSeconds(10);
        var amount = arguments.AmountOption ?? Math.Min(100, maxAmount);
        ui.Step($"SUNBAY go-live check: two sales of {ConsoleUi.Money(amount, arguments.Currency)} (one refunded, one voided)");
        var check = new GoLiveCheck(environment.Client, new GoLiveOptions
        {
            Amount = amount,
            MaxAmount = maxAmount,
            Currency = arguments.Currency,
            TerminalSn = arguments.Terminal,
            Webhooks = environment.Inbox,
            NotifyUrl = environment.NotifyUrl,
            WebhookTimeout = timeout,
        }, ui);
        var report = await check.RunAsync(cancellationToken);
        var passed = report.Items.Count(i => i.Status == GoLiveStatus.Passed);
        var failed = report.Items.Count(i => i.Status == GoLiveStatus.Failed);
        var skipped = report.Items.Count(i => i.Status == GoLiveStatus.NotChecked);
        var summary = $"Go-live check: {passed} passed, {failed} failed, {skipped} not checked.";
        if (report.Passed)
        {
            ui.Success(skipped == 0 ? summary + " Ready for the go-live review." : summary + " Configure what was not checked before the go-live review.");
            return ExitCodes.Ok;
        }

        ui.Failure(summary + " Fix the ❌ items; quote the traceId of an item to SUNBAY support.");
        return ExitCodes.Failed;
    }

    /// <summary>Adds the environment variable to every <c>Sunbay:Setting</c> a message names.</summary>
    internal static string NameEnvironmentVariables(string message) =>
        SettingName().Replace(message, m => $"{m.Value} (environment variable {m.Value.Replace(":", "__", StringComparison.Ordinal)})");

    [GeneratedRegex(@"\bSunbay(:[A-Za-z0-9]+)+")]
    private static partial Regex SettingName();
}
