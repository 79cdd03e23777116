using Sunbay.Client.Tests.Support;
using Sunbay.Client.Testing;

namespace Sunbay.Client.CmCom.Tests.Reliability;

/// <summary>
/// The faults of the CM.com start matrix: every <see cref="FakeFault"/> the fake CM.com host injects into a POST, plus
/// two that only time makes: a POST that outlives the client's time limit and one the caller cancels on its way (the
/// host handles both after the client gave up).
/// </summary>
internal static class CmComFaults
{
    public const string Timeout = "Timeout";

    public const string CallerCancels = "CallerCancels";

    /// <summary>Beyond the client's 60 s POST limit.</summary>
    public static readonly TimeSpan PostLatency = TimeSpan.FromSeconds(61);

    public static readonly TimeSpan CancelLatency = TimeSpan.FromSeconds(5);

    /// <summary>Every fault a POST can meet (<see cref="FakeFault.Conflict"/> is a cancel's, request ids are SUNBAY's).</summary>
    public static IEnumerable<string> All => Enum.GetNames<FakeFault>()
        .Where(f => f is not nameof(FakeFault.Conflict) and not nameof(FakeFault.DuplicateClientRequestId))
        .Append(Timeout).Append(CallerCancels);

    /// <summary>Faults after which the host has created the transaction.</summary>
    public static bool IsProcessed(string fault) => fault is nameof(FakeFault.None) or nameof(FakeFault.DropAfterRecording) or nameof(FakeFault.TruncatedJson)
        or nameof(FakeFault.MalformedJson) or nameof(FakeFault.EmptyBody) or nameof(FakeFault.WrongContentType) or Timeout or CallerCancels;

    /// <summary>Faults whose answer is still readable: the call succeeds.</summary>
    public static bool Succeeds(string fault) => fault is nameof(FakeFault.None) or nameof(FakeFault.WrongContentType);

    /// <summary>
    /// Faults whose answer says for certain nothing was created: only a 429. A 5xx says nothing reliable (CM.com may
    /// have created the transaction before failing), so the client reports it outcome-unknown, as a dropped connection.
    /// </summary>
    public static bool KnownNotProcessed(string fault) => fault is nameof(FakeFault.TooManyRequests);

    public static void Arm(FakeCmComHost host, string fault)
    {
        switch (fault)
        {
            case Timeout:
                host.Faults.EnqueueLatency(FakeEndpoint.StartTransaction, PostLatency);
                break;
            case CallerCancels:
                host.Faults.EnqueueLatency(FakeEndpoint.StartTransaction, CancelLatency);
                break;
            default:
                host.Faults.Enqueue(FakeEndpoint.StartTransaction, Enum.Parse<FakeFault>(fault));
                break;
        }
    }

    /// <summary>Runs the start and returns what it threw (or null); for the faults made by time, moves the clock until the host recorded the POST.</summary>
    public static async Task<Exception?> RunAsync(FakeClock clock, FakeCmComHost host, string fault, Func<CancellationToken, Task> start)
    {
        using var cancellation = new CancellationTokenSource();
        var before = Posts(host).Count;
        var task = CaptureAsync(start(cancellation.Token));
        if (fault is Timeout or CallerCancels)
        {
            // The host holds the request once its fault was taken: then the client's limit passes, or the caller gives up.
            await FakeTimeExtensions.WaitUntilAsync(() => host.Faults.Pending == 0 || task.IsCompleted);
            if (fault == Timeout)
            {
                clock.Advance(PostLatency);
            }
            else
            {
                await cancellation.CancelAsync();
            }
        }

        var error = await task;
        for (var i = 0; i < 100 && Posts(host).Count == before; i++)
        {
            // The host handles the request after the client gave up: let its latency pass until it recorded it.
            clock.Advance(fault == Timeout ? PostLatency : CancelLatency);
            await FakeTimeExtensions.WaitUntilAsync(() => Posts(host).Count > before, maxRounds: 200);
        }

        return error;
    }

    public static List<RecordedRequest> Posts(FakeCmComHost host) => [.. host.Journal.Where(r => r.Endpoint == FakeEndpoint.StartTransaction)];

    private static async Task<Exception?> CaptureAsync(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception ex) when (ex is PaymentsException or OperationCanceledException)
        {
            return ex;
        }
    }
}
