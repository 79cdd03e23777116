namespace Sunbay.Client.Pipeline;

/// <summary>How a <see cref="PolledCardPaymentOperation"/> reads its provider until the operation is final.</summary>
public sealed class PaymentsPollingOptions : ClientPollingOptions
{
    /// <summary>
    /// Creates the defaults: reads every second at first, then backs off to at most one every 10 seconds; a start not
    /// found within 30 seconds was never received.
    /// </summary>
    public PaymentsPollingOptions()
        : base(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30))
    {
    }

    /// <summary>
    /// How long a wait goes on without a final state before it ends with <see cref="PaymentsOperationTimeoutException"/>
    /// (the operation itself goes on; wait again to keep following it). Default 30 min.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Throws <see cref="PaymentsConfigurationException"/> naming each setting out of its range.</summary>
    internal void Validate()
    {
        var failures = new List<string>();
        Collect("Polling", failures);
        if (MaxWait <= TimeSpan.Zero)
        {
            failures.Add("Polling:MaxWait must be positive.");
        }

        if (failures.Count > 0)
        {
            throw new PaymentsConfigurationException(failures);
        }
    }
}
