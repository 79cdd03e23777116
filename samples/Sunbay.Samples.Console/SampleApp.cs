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
    /// <summary>Runs one command. Everything here is console plumbing; the commands themselves are in <c>Commands/</c>.</summary>
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

        try
        {
            await using var environment = await SampleEnvironment.StartAsync(
                configuration,
                new SampleEnvironmentOptions
                {
                    FakeHost = fake,
                    Webhooks = arguments.Webhooks,
                    WebhookPort = arguments.WebhookPort,
                },
                cancellationToken);
            (environment.Fake is null ? (Action<string>)ui.Info : ui.Warning)($"Using {environment.Description}.");
            if (environment.Receiver is not null)
            {
                ui.Info($"Webhook receiver on {environment.Receiver.LocalUrl}; notifyUrl {environment.NotifyUrl}.");
            }

            var scenarios = new Scenarios(environment.Client, arguments, ui, environment.Options.TerminalSn, webhooks: environment.Receiver is not null);
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

    /// <summary>Adds the environment variable to every <c>Sunbay:Setting</c> a message names.</summary>
    internal static string NameEnvironmentVariables(string message) =>
        SettingName().Replace(message, m => $"{m.Value} (environment variable {m.Value.Replace(":", "__", StringComparison.Ordinal)})");

    [GeneratedRegex(@"\bSunbay(:[A-Za-z0-9]+)+")]
    private static partial Regex SettingName();
}
