using Sunbay.Client;

namespace Sunbay.Samples.Console;

internal sealed partial class Scenarios
{
    /// <summary>The merchant's terminals, every page.</summary>
    public async Task<int> ListTerminalsAsync(CancellationToken cancellationToken)
    {
        ui.Step("Terminals of the merchant");
        var count = 0;
        await foreach (var terminal in sunbay.GetTerminalsAsync(cancellationToken: cancellationToken))
        {
            count++;
            ui.Info($"{terminal.Sn}  {terminal.Vendor} {terminal.Model}  {string.Join(", ", terminal.Tids.Select(t => $"{t.ChannelCode}:{t.Id}"))}");
        }

        ui.Success($"{count} terminal(s).");
        return ExitCodes.Ok;
    }
}
