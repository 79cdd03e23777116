using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Sunbay.Client;
using Sunbay.Client.CmCom;
using Sunbay.Client.Testing;

namespace Sunbay.Samples.Console;

/// <summary>
/// Runs a <c>--provider cm</c> command: starts the environment, runs the command, and turns CM.com's failures into a
/// message that names the CmCom__* setting to fix (the failures both providers share go through <see cref="CommandGuard"/>).
/// </summary>
internal static class CmComCommand
{
    /// <summary>Runs the CM.com command of <paramref name="arguments"/>.</summary>
    /// <param name="arguments">The parsed command line (<c>--provider cm</c>).</param>
    /// <param name="configuration">Settings (section <c>CmCom</c>); without <c>CmCom:ApiKey</c> the fake host is used.</param>
    /// <param name="ui">Where to write.</param>
    /// <param name="fake">A fake host to run against instead of starting one (tests); not disposed.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The process exit code (<see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(SampleArguments arguments, IConfiguration configuration, ConsoleUi ui, FakeCmComHost? fake, CancellationToken cancellationToken) =>
        CommandGuard.RunAsync(ui, async () =>
        {
            try
            {
                await using var environment = await CmComEnvironment.StartAsync(configuration, arguments.Terminal, fake, cancellationToken);
                (environment.IsCmCom ? (Action<string>)ui.Info : ui.Warning)($"Using {environment.Description}.");
                var scenarios = new CmComScenarios(environment.Client, arguments, ui, environment);
                return arguments.Command == "cancel"
                    ? await scenarios.CancelAsync(cancellationToken)
                    : await scenarios.SaleAndRefundAsync(cancellationToken);
            }
            catch (OptionsValidationException ex)
            {
                ui.Failure($"Configuration: {CommandGuard.NameEnvironmentVariables(string.Join(" ", ex.Failures))}");
                return ExitCodes.BadConfiguration;
            }
            catch (PaymentsValidationException ex)
            {
                ui.Failure($"{CommandGuard.NameEnvironmentVariables(ex.Message)} Fix the option or setting named there (e.g. --amount, --currency, --terminal or CmCom__Terminal).");
                return ExitCodes.BadArguments;
            }
            catch (CmComAuthenticationException ex)
            {
                ui.Failure($"{ex.Message} Check CmCom__ApiKey (the key CM.com issued; 401: none sent, 403: not valid) and CmCom__BaseAddress.");
                return ExitCodes.BadConfiguration;
            }
            catch (CmComApiException ex)
            {
                ui.Failure($"{ex.Message} Check the terminal id (--terminal or CmCom__Terminal) and the CmCom__* settings.");
                return ExitCodes.Failed;
            }
            catch (CmComTransportException ex) when (ex.OutcomeUnknown)
            {
                ui.Failure($"{ex.Message} Find it by its merchant_order_reference in the terminal's transactions before trying again: it may have been charged.");
                return ExitCodes.Failed;
            }
            catch (CmComTransportException ex)
            {
                ui.Failure($"{ex.Message} Check the network and CmCom__BaseAddress.");
                return ExitCodes.Failed;
            }
        }, "find it by its merchant_order_reference in the terminal's transactions", cancellationToken);
}
