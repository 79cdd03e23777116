using System.CommandLine;
using System.Globalization;
using Sunbay.Client.Testing;

namespace Sunbay.Cli.Commands;

/// <summary>
/// <c>sunbay fake</c>: a fake SUNBAY cloud (or, with <c>--provider cm</c>, a fake CM.com MerchantAPI) with its terminals
/// on a loopback port, until Ctrl+C.
/// </summary>
internal static partial class FakeCommand
{
    /// <summary>The port <c>sunbay fake</c> listens on by default, so that the printed settings stay the same from run to run.</summary>
    public const int DefaultPort = 5090;

    /// <summary>The default port of <c>sunbay fake --provider cm</c>: another one, so that both fakes can run side by side.</summary>
    public const int DefaultCmComPort = 5091;

    /// <summary>The line that says the host is up; tests and scripts wait for it.</summary>
    public const string ListeningPrefix = "Fake SUNBAY cloud listening on ";

    public static Command Create(ConsoleUi ui)
    {
        var port = new Option<int?>("--port") { Description = $"Loopback port to listen on (default {DefaultPort}, {DefaultCmComPort} with --provider cm; 0 picks a free one)." };
        var provider = new Option<string>("--provider") { Description = "sunbay (default): a fake SUNBAY cloud; cm: a fake CM.com MerchantAPI.", DefaultValueFactory = _ => "sunbay" };
        provider.AcceptOnlyFromAmong("sunbay", "cm");
        var cardDelay = new Option<double>("--card-delay") { Description = "Seconds a terminal takes to 'read the card' after a push (default 2).", DefaultValueFactory = _ => 2 };
        var terminals = new Option<string[]>("--terminal") { Description = "A terminal: SUNBAY serial number (default FAKE-T1), CM.com {manufacturer}-{model}-{serial} (repeat for several).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("fake", "Runs a fake SUNBAY cloud (or CM.com MerchantAPI with --provider cm) and terminal on 127.0.0.1 until Ctrl+C, and prints the settings that point an app at it.")
        {
            port, cardDelay, terminals, provider,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(port) is < 0 or > 65535)
            {
                result.AddError("--port: give a TCP port between 0 and 65535.");
            }

            if (result.GetValue(cardDelay) is < 0 or > 3600)
            {
                result.AddError("--card-delay: give seconds between 0 and 3600, e.g. --card-delay 0.5.");
            }
        });
        command.SetAction((result, ct) => SunbayCli.GuardAsync(
            ui,
            () => result.GetValue(provider) == "cm"
                ? RunCmComAsync(result.GetValue(port) ?? DefaultCmComPort, result.GetValue(cardDelay), result.GetValue(terminals) ?? [], ui, ct)
                : RunAsync(result.GetValue(port) ?? DefaultPort, result.GetValue(cardDelay), result.GetValue(terminals) ?? [], ui, ct),
            ct));
        return command;
    }

    private static Task<int> RunAsync(int port, double cardDelaySeconds, string[] terminals, ConsoleUi ui, CancellationToken cancellationToken)
    {
        var options = new FakeSunbayHostOptions { Port = port, CardPresentDelay = TimeSpan.FromSeconds(cardDelaySeconds) };
        Replace(options.TerminalSns, terminals);
        return ServeAsync(() => FakeSunbayHost.Start(options), port, "sunbay fake", "A SUNBAY terminal serial number has 1 to 32 characters.", host => DescribeSunbay((FakeSunbayHost)host, cardDelaySeconds, ui), ui, cancellationToken);
    }

    private static void DescribeSunbay(FakeSunbayHost host, double cardDelaySeconds, ConsoleUi ui)
    {
        var address = host.BaseAddress.ToString();
        var terminal = host.Terminals.First().Sn;
        var secret = host.WebhookSecrets[0];
        ui.Success($"{ListeningPrefix}{address} (Ctrl+C to stop)");
        ui.Info($"API key         {host.ApiKey}");
        ui.Info($"App id          {host.AppId}");
        ui.Info($"Merchant id     {host.MerchantId}");
        ui.Info($"{(host.Terminals.Count > 1 ? "Terminals" : "Terminal"),-16}{string.Join(", ", host.Terminals.Select(t => t.Sn))}");
        ui.Info($"Webhook secret  {secret}");
        ui.Info(string.Create(CultureInfo.InvariantCulture, $"Card read after {cardDelaySeconds:0.###} s; amounts such as 9823 are declined, as in the SUNBAY sandbox."));
        ui.Text(string.Empty);
        ui.Step("Point an app at it (bash):");
        ui.Text($"  export Sunbay__BaseAddress={address} Sunbay__ApiKey={host.ApiKey} Sunbay__AppId={host.AppId} Sunbay__MerchantId={host.MerchantId} Sunbay__TerminalSn={terminal} Sunbay__Webhooks__Secrets__0={secret}");
        ui.Step("PowerShell:");
        ui.Text($"  $env:Sunbay__BaseAddress='{address}'; $env:Sunbay__ApiKey='{host.ApiKey}'; $env:Sunbay__AppId='{host.AppId}'; $env:Sunbay__MerchantId='{host.MerchantId}'; $env:Sunbay__TerminalSn='{terminal}'; $env:Sunbay__Webhooks__Secrets__0='{secret}'");
        ui.Info("Webhooks go to each transaction's notifyUrl (Sunbay__NotifyUrl), signed with the secret above.");
    }

    /// <summary>Runs a started fake host of either provider until Ctrl+C: the same start-up errors, wait and summary for both.</summary>
    /// <param name="start">Starts the host on loopback.</param>
    /// <param name="port">The port asked for, for the error message.</param>
    /// <param name="command">The command line that runs this fake, for the error message.</param>
    /// <param name="terminalRule">What a terminal given with --terminal must look like.</param>
    /// <param name="describe">Prints the settings that point an app at the host.</param>
    /// <param name="ui">The console.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    private static async Task<int> ServeAsync(Func<FakeProviderHost> start, int port, string command, string terminalRule, Action<FakeProviderHost> describe, ConsoleUi ui, CancellationToken cancellationToken)
    {
        FakeProviderHost host;
        try
        {
            host = start();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            ui.Failure($"The fake cannot listen on 127.0.0.1:{port}: {ex.Message} Is another `{command}` running? Choose another port with --port N (0 picks a free one).");
            return ExitCodes.BadArguments;
        }
        catch (ArgumentException ex)
        {
            ui.Failure($"{ex.Message} {terminalRule}");
            return ExitCodes.BadArguments;
        }

        await using (host)
        {
            describe(host);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            var transactions = host is FakeCmComHost cm ? cm.Transactions.Count : ((FakeSunbayHost)host).Transactions.Count;
            ui.Info($"Stopped. It recorded {transactions} transaction(s) and {host.Journal.Count} request(s).");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The terminals given with --terminal replace the host's default one.</summary>
    private static void Replace(IList<string> defaults, string[] terminals)
    {
        if (terminals.Length > 0)
        {
            defaults.Clear();
            foreach (var terminal in terminals)
            {
                defaults.Add(terminal);
            }
        }
    }
}
