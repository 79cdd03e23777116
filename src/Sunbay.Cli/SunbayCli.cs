using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Sunbay.Cli.Commands;
using Sunbay.Client.Testing;

namespace Sunbay.Cli;

/// <summary>
/// The <c>sunbay</c> command line, callable from tests: the command tree, and one place that turns every failure into
/// a message naming the setting or option to fix.
/// </summary>
internal static class SunbayCli
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
    internal static Task<int> GuardAsync(ConsoleUi ui, Func<Task<int>> body, CancellationToken cancellationToken) =>
        CommandGuard.RunAsync(ui, body, "look it up with `sunbay transaction --request-id <transactionRequestId>`", cancellationToken);

    /// <summary>
    /// Starts the environment of a command that works on a SUNBAY account (or on `sunbay fake`): without an API key it
    /// says what to set, instead of starting an embedded fake host as <c>golive</c> and the console sample do.
    /// </summary>
    internal static Task<CommandEnvironment> StartOnAccountAsync(IConfiguration configuration, string command, CancellationToken cancellationToken)
    {
        if (!CommandEnvironment.HasApiKey(configuration))
        {
            throw new SettingException(
                $"Sunbay__ApiKey is not set. `sunbay {command}` works on a SUNBAY account: set Sunbay__ApiKey, Sunbay__AppId and Sunbay__MerchantId "
                + "(with Sunbay__Environment=Sandbox for a test key), or run `sunbay fake` in another terminal and set the variables it prints.");
        }

        return CommandEnvironment.StartAsync(configuration, new CommandEnvironmentOptions(), cancellationToken);
    }

    private static string CommandPath(Command command) => command is RootCommand ? "sunbay" : $"sunbay {command.Name}";
}
