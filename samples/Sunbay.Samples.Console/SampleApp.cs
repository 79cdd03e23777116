using Microsoft.Extensions.Configuration;
using Sunbay.Client.Testing;

namespace Sunbay.Samples.Console;

/// <summary>
/// The sample's command line, callable from tests: parse, start the environment, run the command, turn every failure into
/// a message that says what to fix and an exit code (the plumbing shared with the sunbay tool is in src/Shared/CommandLine).
/// </summary>
internal static class SampleApp
{
    /// <summary>Runs one command. Everything here is console plumbing; the commands themselves are in <c>Commands/</c>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="configuration">Settings (section <c>Sunbay</c>); without <c>Sunbay:ApiKey</c> the fake host is used.</param>
    /// <param name="ui">Where to write.</param>
    /// <param name="fake">A fake host to run against instead of starting one (tests); not disposed.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The process exit code (<see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(string[] args, IConfiguration configuration, ConsoleUi ui, FakeSunbayHost? fake, CancellationToken cancellationToken) =>
        RunAsync(args, configuration, ui, fake, cmFake: null, cancellationToken);

    /// <summary>Runs one command, with fake hosts of both providers given (tests).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="configuration">Settings (sections <c>Sunbay</c> and <c>CmCom</c>); without an API key a fake host is used.</param>
    /// <param name="ui">Where to write.</param>
    /// <param name="fake">A fake SUNBAY host to run against instead of starting one; not disposed.</param>
    /// <param name="cmFake">A fake CM.com host for <c>--provider cm</c> instead of starting one; not disposed.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The process exit code (<see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, ConsoleUi ui, FakeSunbayHost? fake, FakeCmComHost? cmFake, CancellationToken cancellationToken)
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

        if (arguments.Command == "neutral")
        {
            return await NeutralCommand.RunAsync(arguments, configuration, ui, fake, cmFake, cancellationToken);
        }

        if (arguments.Provider == SampleArguments.Cm)
        {
            return await CmComCommand.RunAsync(arguments, configuration, ui, cmFake, cancellationToken);
        }

        return await CommandGuard.RunAsync(ui, async () =>
        {
            await using var environment = await CommandEnvironment.StartAsync(
                configuration,
                new CommandEnvironmentOptions
                {
                    FakeHost = fake,
                    Webhooks = arguments.Webhooks ? WebhookMode.On : WebhookMode.Off,
                    WebhookPort = arguments.WebhookPort,
                },
                cancellationToken);
            (environment.FakeKind is null ? (Action<string>)ui.Info : ui.Warning)($"Using {environment.Description}.");
            if (environment.Receiver is not null)
            {
                ui.Info($"Webhook receiver on {environment.Receiver.LocalUrl}; notifyUrl {environment.NotifyUrl}.");
            }

            var scenarios = new Scenarios(environment.Client, arguments, ui, environment.Options.TerminalSn, environment.Options.Polling.NotReceivedAfter, webhooks: environment.Receiver is not null);
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
        }, "query it by its transactionRequestId", cancellationToken);
    }
}
