using System.CommandLine;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Sunbay.Cli.Commands;
using Sunbay.Client;
using Sunbay.Client.Testing;

namespace Sunbay.Cli;

/// <summary>
/// The <c>sunbay</c> command line, callable from tests: the command tree, and one place that turns every failure into
/// a message naming the setting or option to fix.
/// </summary>
internal static partial class SunbayCli
{
    /// <summary>Runs one command line.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="configuration">Settings (section <c>Sunbay</c>, e.g. the environment variable <c>Sunbay__ApiKey</c>).</param>
    /// <param name="ui">Where to write.</param>
    /// <param name="fake">A fake host for <c>golive</c> to run against instead of starting one (tests); not disposed.</param>
    /// <param name="cancellationToken">Stops the command (Program.cs cancels it on Ctrl+C and SIGTERM).</param>
    /// <returns>The process exit code (<see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, ConsoleUi ui, FakeSunbayHost? fake, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = Build(configuration, ui, fake, detailedGoLiveHelp: args.Length > 0 && args[0] == "golive");
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                ui.Failure(error.Message);
            }

            ui.Info($"Run '{CommandPath(parsed.CommandResult.Command)} --help' for the options.");
            return ExitCodes.BadArguments;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = ui.Output, Error = ui.Output, ProcessTerminationTimeout = null }, cancellationToken);
    }

    private static RootCommand Build(IConfiguration configuration, ConsoleUi ui, FakeSunbayHost? fake, bool detailedGoLiveHelp)
    {
        var root = new RootCommand(
            """
            sunbay: a local fake SUNBAY cloud, signed test webhooks, the go-live checklist, and lookups on your account.

            Configuration: environment variables Sunbay__ApiKey, Sunbay__AppId, Sunbay__MerchantId, Sunbay__TerminalSn,
            Sunbay__Environment (Production | Sandbox) or Sunbay__BaseAddress; or an appsettings.json (section "Sunbay")
            in the current folder.
            """);
        root.Subcommands.Add(FakeCommand.Create(ui));
        root.Subcommands.Add(TriggerCommand.Create(configuration, ui));
        root.Subcommands.Add(GoLiveCommand.Create(configuration, ui, fake, detailedGoLiveHelp));
        root.Subcommands.Add(TransactionCommand.Create(configuration, ui));
        root.Subcommands.Add(TerminalsCommand.Create(configuration, ui));
        return root;
    }

    /// <summary>Runs a command's body and turns each kind of failure into a message that says what to fix.</summary>
    internal static async Task<int> GuardAsync(ConsoleUi ui, Func<Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body();
        }
        catch (CliConfigurationException ex)
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
        catch (SunbayApiException ex) when (ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            ui.Failure($"{ex.Message} Check Sunbay__ApiKey (a Sandbox key for Sunbay__Environment=Sandbox, a live key for Production), Sunbay__AppId and Sunbay__MerchantId.");
            return ExitCodes.BadConfiguration;
        }
        catch (SunbayApiException ex)
        {
            ui.Failure($"{ex.Message} Check the IDs given and the Sunbay__* settings; quote the traceId to SUNBAY support.");
            return ExitCodes.Failed;
        }
        catch (SunbayTransportException ex)
        {
            ui.Failure($"{ex.Message} Check the network and Sunbay__Environment / Sunbay__BaseAddress (is `sunbay fake` still running?).");
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
            ui.Warning("Cancelled. A transaction already pushed to the terminal goes on: look it up with `sunbay transaction --request-id <transactionRequestId>`.");
            return ExitCodes.Failed;
        }
    }

    /// <summary>Adds the environment variable to every <c>Sunbay:Setting</c> a message names.</summary>
    internal static string NameEnvironmentVariables(string message) =>
        SettingName().Replace(message, m => $"{m.Value} (environment variable {m.Value.Replace(":", "__", StringComparison.Ordinal)})");

    private static string CommandPath(Command command) => command is RootCommand ? "sunbay" : $"sunbay {command.Name}";

    [GeneratedRegex(@"\bSunbay(:[A-Za-z0-9]+)+")]
    private static partial Regex SettingName();
}

/// <summary>A setting is missing or wrong; the message says which and how to fix it.</summary>
internal sealed class CliConfigurationException(string message) : Exception(message);
