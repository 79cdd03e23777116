using Sunbay.Client;

namespace Sunbay.Samples.Console;

/// <summary>What both providers' commands do after a start whose answer was lost: look for it, never send it again.</summary>
internal static class LostAnswer
{
    /// <summary>
    /// Looks for what the lost start created, again and again for <paramref name="window"/> (the client's
    /// <c>Polling:NotReceivedAfter</c>): a new transaction may show a moment late, and a look-up that fails says nothing.
    /// </summary>
    /// <returns>
    /// What was found; or nothing and <c>Known</c>: the provider never received it; or nothing and not <c>Known</c>:
    /// the last look-up failed too, and the outcome stays unknown.
    /// </returns>
    public static async Task<(T? Found, bool Known)> FindWithinAsync<T>(Func<CancellationToken, Task<T?>> find, TimeSpan window, ConsoleUi ui, CancellationToken cancellationToken)
        where T : class
    {
        var until = DateTimeOffset.UtcNow + window;
        var pause = TimeSpan.FromSeconds(1) < window / 4 ? TimeSpan.FromSeconds(1) : window / 4;
        while (true)
        {
            var known = true;
            try
            {
                // The look-up is retried by the client itself.
                if (await find(cancellationToken) is { } found)
                {
                    return (found, true);
                }
            }
            catch (PaymentsTransportException failed)
            {
                ui.Warning($"Looking it up failed ({failed.Message.Split(". ")[0]}).");
                known = false;
            }

            if (DateTimeOffset.UtcNow >= until)
            {
                return (null, known);
            }

            await Task.Delay(pause, cancellationToken);
        }
    }
}
