using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace Sunbay.Cli.Commands;

/// <summary><c>sunbay terminals</c>: the merchant's terminals, every page.</summary>
internal static class TerminalsCommand
{
    public static Command Create(IConfiguration configuration, ConsoleUi ui)
    {
        var command = new Command("terminals", "Lists the terminals of the configured merchant (serial number, vendor, model, TIDs).");
        command.SetAction((_, ct) => SunbayCli.GuardAsync(ui, async () =>
        {
            await using var environment = await SunbayCli.StartOnAccountAsync(configuration, "terminals", ct);
            ui.Info($"Using {environment.Description}.");
            var count = 0;
            await foreach (var terminal in environment.Client.GetTerminalsAsync(cancellationToken: ct))
            {
                count++;
                ui.Info($"{terminal.Sn}  {terminal.Vendor} {terminal.Model}  {string.Join(", ", terminal.Tids.Select(t => $"{t.ChannelCode}:{t.Id}"))}");
            }

            ui.Success($"{count} terminal(s).");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
