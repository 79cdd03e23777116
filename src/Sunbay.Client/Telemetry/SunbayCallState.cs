namespace Sunbay.Client.Telemetry;

/// <summary>
/// What the HTTP pipeline saw during one facade call (attempts, last HTTP status), so that the call's single log line
/// can say it. Flows from the facade to the per-attempt handler with the async context.
/// </summary>
internal sealed class SunbayCallState
{
    private static readonly AsyncLocal<SunbayCallState?> Ambient = new();

    private int _attempts;

    public static SunbayCallState? Current => Ambient.Value;

    public int Attempts => Volatile.Read(ref _attempts);

    public int? StatusCode { get; set; }

    /// <summary>Starts tracking a call in the current async flow.</summary>
    public static SunbayCallState Begin() => Ambient.Value = new SunbayCallState();

    public void AttemptStarted() => Interlocked.Increment(ref _attempts);
}
