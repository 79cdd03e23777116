namespace Sunbay.Client.Pipeline;

/// <summary>How a <see cref="PolledCardPaymentOperation"/> reads its provider until the operation is final.</summary>
public sealed class PaymentsPollingOptions
{
    /// <summary>The pause between reads at the start of a wait. Default 1 s.</summary>
    public TimeSpan InitialInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the wait reads at <see cref="InitialInterval"/> before it backs off. Default 2 min.</summary>
    public TimeSpan BackoffAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The factor applied to the pause at each read once backing off. Default 1.5.</summary>
    public double BackoffMultiplier { get; set; } = 1.5;

    /// <summary>The longest pause. Default 10 s.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The random spread of each pause, as a fraction (0.2 = ±20 %), so that many waits do not read in step. Default 0.2.</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>
    /// How long a wait goes on without a final state before it ends with <see cref="PaymentsOperationTimeoutException"/>
    /// (the operation itself goes on; wait again to keep following it). Default 30 min.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Throws <see cref="PaymentsConfigurationException"/> naming each setting out of its range.</summary>
    internal void Validate()
    {
        var failures = new List<string>();
        if (InitialInterval <= TimeSpan.Zero || MaxInterval < InitialInterval)
        {
            failures.Add("Polling: InitialInterval must be positive and MaxInterval at least InitialInterval.");
        }

        if (BackoffAfter < TimeSpan.Zero || BackoffMultiplier is < 1 or > 10 || double.IsNaN(BackoffMultiplier))
        {
            failures.Add("Polling: BackoffAfter must not be negative and BackoffMultiplier between 1 and 10.");
        }

        if (Jitter is < 0 or >= 1 || double.IsNaN(Jitter))
        {
            failures.Add("Polling: Jitter must be at least 0 and less than 1.");
        }

        if (MaxWait <= TimeSpan.Zero)
        {
            failures.Add("Polling: MaxWait must be positive.");
        }

        if (failures.Count > 0)
        {
            throw new PaymentsConfigurationException(failures);
        }
    }
}
