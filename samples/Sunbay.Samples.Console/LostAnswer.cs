using Sunbay.Client;

namespace Sunbay.Samples.Console;

/// <summary>What both providers' commands do after a start whose answer was lost: look for it, never send it again.</summary>
internal static class LostAnswer
{
    /// <summary>
    /// Looks for what the lost start created, again and again for <paramref name="window"/> (the client's
    /// <c>Polling:NotReceivedAfter</c>): a new transaction may show a moment late, and a look-up that fails says nothing.
    /// </summary>
    /// <returns>What was found, or <see langword="null"/> when nothing was by the end of the window.</returns>
    public static async Task<T?> FindWithinAsync<T>(Func<CancellationToken, Task<T?>> find, TimeSpan window, ConsoleUi ui, CancellationToken cancellationToken)
        where T : class
    {
        var until = DateTimeOffset.UtcNow + window;
        var pause = TimeSpan.FromSeconds(1) < window / 4 ? TimeSpan.FromSeconds(1) : window / 4;
        while (true)
        {
            try
            {
                // The look-up is retried by the client itself.
                if (await find(cancellationToken) is { } found)
                {
                    return found;
                }
            }
            catch (PaymentsTransportException failed) when (DateTimeOffset.UtcNow < until)
            {
                ui.Warning($"Looking it up failed ({failed.Message.Split(". ")[0]}); looking again.");
            }

            if (DateTimeOffset.UtcNow >= until)
            {
                return null;
            }

            await Task.Delay(pause, cancellationToken);
        }
    }
}
