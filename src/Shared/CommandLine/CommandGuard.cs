using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Sunbay.Client;

namespace Sunbay.CommandLine;

/// <summary>Runs a command and turns each kind of failure into a message that says what to fix, and an exit code.</summary>
internal static partial class CommandGuard
{
    /// <summary>Runs <paramref name="command"/>; a failure is printed with what to fix and returned as an <see cref="ExitCodes"/> value.</summary>
    /// <param name="ui">Where to write.</param>
    /// <param name="command">The command's body; returns its exit code.</param>
    /// <param name="findPushed">How to find a transaction pushed before the command was cancelled, e.g. "query it by its transactionRequestId".</param>
    /// <param name="cancellationToken">The command's token: its cancellation is Ctrl+C, not a failure.</param>
    public static async Task<int> RunAsync(ConsoleUi ui, Func<Task<int>> command, string findPushed, CancellationToken cancellationToken)
    {
        try
        {
            return await command();
        }
        catch (SettingException ex)
        {
            ui.Failure($"Configuration: {ex.Message}");
            return ExitCodes.BadConfiguration;
        }
        catch (OptionsValidationException ex)
        {
            ui.Failure($"Configuration: {NameEnvironmentVariables(string.Join(" ", ex.Failures))}");
            return ExitCodes.BadConfiguration;
        }
        catch (PaymentsValidationException ex)
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
        catch (SunbayTransportException ex) when (ex.OutcomeUnknown)
        {
            ui.Failure($"{ex.Message} Query transactionRequestId '{ex.TransactionRequestId}' before trying again: it may have been charged.");
            return ExitCodes.Failed;
        }
        catch (SunbayTransportException ex)
        {
            ui.Failure($"{ex.Message} Check the network and Sunbay__Environment / Sunbay__BaseAddress (is `sunbay fake` still running?).");
            return ExitCodes.Failed;
        }
        catch (PaymentsException ex)
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
            ui.Warning($"Cancelled. A transaction already pushed to the terminal goes on: {findPushed}.");
            return ExitCodes.Failed;
        }
    }

    /// <summary>Adds the environment variable to every <c>Sunbay:Setting</c> or <c>CmCom:Setting</c> a message names.</summary>
    public static string NameEnvironmentVariables(string message) =>
        SettingName().Replace(message, m => $"{m.Value} (environment variable {m.Value.Replace(":", "__", StringComparison.Ordinal)})");

    [GeneratedRegex(@"\b(Sunbay|CmCom)(:[A-Za-z0-9]+)+")]
    private static partial Regex SettingName();
}
