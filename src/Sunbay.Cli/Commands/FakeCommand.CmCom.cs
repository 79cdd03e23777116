using System.Globalization;
using Sunbay.Client.Testing;

namespace Sunbay.Cli.Commands;

// sunbay fake --provider cm: the same command for CM.com's MerchantAPI, printing the CmCom__* settings.
internal static partial class FakeCommand
{
    /// <summary>The line that says the CM.com fake is up; tests and scripts wait for it.</summary>
    public const string CmComListeningPrefix = "Fake CM.com MerchantAPI listening on ";

    private static Task<int> RunCmComAsync(int port, double cardDelaySeconds, string[] terminals, ConsoleUi ui, CancellationToken cancellationToken)
    {
        var options = new FakeCmComHostOptions { Port = port, CardPresentDelay = TimeSpan.FromSeconds(cardDelaySeconds) };
        Replace(options.TerminalIds, terminals);
        return ServeAsync(() => FakeCmComHost.Start(options), port, "sunbay fake --provider cm", "A CM.com terminal is {manufacturer}-{model}-{serial}, e.g. --terminal SUNMI-P2lite-PL0919CQ00305.", host => DescribeCmCom((FakeCmComHost)host, cardDelaySeconds, ui), ui, cancellationToken);
    }

    private static void DescribeCmCom(FakeCmComHost host, double cardDelaySeconds, ConsoleUi ui)
    {
        var address = host.BaseAddress.ToString();
        var terminal = host.Terminals[0].Id;
        ui.Success($"{CmComListeningPrefix}{address} (Ctrl+C to stop)");
        ui.Info($"API key         {host.ApiKey}");
        ui.Info($"{(host.Terminals.Count > 1 ? "Terminals" : "Terminal"),-16}{string.Join(", ", host.Terminals.Select(t => t.Id))}");
        ui.Info(string.Create(CultureInfo.InvariantCulture, $"A terminal picks up at its next poll; the card is read after {cardDelaySeconds:0.###} s. CM.com has no webhooks: apps poll."));
        ui.Text(string.Empty);
        ui.Step("Point an app at it (bash):");
        ui.Text($"  export CmCom__BaseAddress={address} CmCom__ApiKey={host.ApiKey} CmCom__Terminal={terminal} CardPayments__Provider=cm");
        ui.Step("PowerShell:");
        ui.Text($"  $env:CmCom__BaseAddress='{address}'; $env:CmCom__ApiKey='{host.ApiKey}'; $env:CmCom__Terminal='{terminal}'; $env:CardPayments__Provider='cm'");
    }
}
