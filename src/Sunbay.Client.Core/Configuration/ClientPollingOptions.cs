using Sunbay.Client.Operations;

namespace Sunbay.Client;

/// <summary>
/// How a long-running operation reads its provider until it is final, the same for every provider: an interval that
/// backs off after a while, with jitter. Each provider's options derive from it with their own defaults and deadlines
/// (<c>SunbayPollingOptions</c>, <c>CmComPollingOptions</c>, <c>PaymentsPollingOptions</c>).
/// </summary>
public abstract class ClientPollingOptions
{
    /// <param name="initialInterval">The provider's default <see cref="InitialInterval"/>.</param>
    /// <param name="maxInterval">The provider's default <see cref="MaxInterval"/>.</param>
    /// <param name="notReceivedAfter">The provider's default <see cref="NotReceivedAfter"/>.</param>
    private protected ClientPollingOptions(TimeSpan initialInterval, TimeSpan maxInterval, TimeSpan notReceivedAfter)
    {
        InitialInterval = initialInterval;
        MaxInterval = maxInterval;
        NotReceivedAfter = notReceivedAfter;
    }

    /// <summary>Interval between reads at the start of a wait (the first read is immediate).</summary>
    public TimeSpan InitialInterval { get; set; }

    /// <summary>How long to read at <see cref="InitialInterval"/> before backing off. Default 2 minutes.</summary>
    public TimeSpan BackoffAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Factor applied to the interval at each read once backing off. Default 1.5.</summary>
    public double BackoffMultiplier { get; set; } = 1.5;

    /// <summary>Upper bound of the interval.</summary>
    public TimeSpan MaxInterval { get; set; }

    /// <summary>Random spread applied to each interval, as a fraction (0.2 = ±20 %), so that many waits do not read in step. Default 0.2.</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>
    /// How long a start that may have left (its answer lost, or a crash between journaling it and sending it) is looked
    /// for before it counts as never received: nothing was charged, and a start with the same key sends it. Counted from
    /// when the start was journaled (or from the first look). A provider shows a new transaction at once or only after a
    /// while; each sets its default (SUNBAY 2 minutes, CM.com 30 seconds, whose guide does not say how soon a new
    /// transaction shows in the terminal's list).
    /// </summary>
    public TimeSpan NotReceivedAfter { get; set; }

    /// <summary>The wait's schedule; <paramref name="maxInterval"/> replaces <see cref="MaxInterval"/> when given.</summary>
    internal PollingSchedule Schedule(TimeSpan? maxInterval = null) =>
        new(InitialInterval, BackoffAfter, BackoffMultiplier, maxInterval ?? MaxInterval, Jitter);

    /// <summary>Adds a sentence for each shared setting out of its range, naming it under <paramref name="section"/> (e.g. <c>Sunbay:Polling</c>).</summary>
    internal void Collect(string section, List<string> failures)
    {
        if (InitialInterval <= TimeSpan.Zero || MaxInterval < InitialInterval)
        {
            failures.Add($"{section}:InitialInterval must be positive and not above {section}:MaxInterval.");
        }

        if (!(BackoffMultiplier is >= 1 and <= 10) || !(Jitter is >= 0 and < 1) || BackoffAfter < TimeSpan.Zero || NotReceivedAfter < TimeSpan.Zero)
        {
            failures.Add($"{section}: BackoffMultiplier must be 1 to 10, Jitter in [0, 1), BackoffAfter and NotReceivedAfter not negative.");
        }
    }
}
