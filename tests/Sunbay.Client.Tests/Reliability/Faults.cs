using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Testing;

using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Reliability;

/// <summary>
/// The faults of the reliability matrices: every <see cref="FakeFault"/>, plus two that only time can make: a POST that
/// outlives the client's time limit and a POST the caller cancels while it is on its way (both are processed by the
/// host after the client gave up).
/// </summary>
internal static class Faults
{
    /// <summary>Host latency beyond the 60 s POST limit: the client gives up, the host still charges.</summary>
    public const string Timeout = "Timeout";

    /// <summary>The caller cancels while the host holds the request; the host still charges.</summary>
    public const string CallerCancels = "CallerCancels";

    public static readonly TimeSpan PostLatency = TimeSpan.FromSeconds(61);

    public static readonly TimeSpan GetLatency = TimeSpan.FromSeconds(11);

    public static readonly TimeSpan CancelLatency = TimeSpan.FromSeconds(5);

    /// <summary>Every fault of the SUNBAY host (<see cref="FakeFault.Conflict"/> is CM.com's), and the two made by time.</summary>
    public static IEnumerable<string> All => Enum.GetNames<FakeFault>().Where(f => f != nameof(FakeFault.Conflict)).Append(Timeout).Append(CallerCancels);

    /// <summary>Faults after which the host has carried out the request (the charge happened).</summary>
    public static bool IsProcessed(string fault) => fault is nameof(FakeFault.None) or nameof(FakeFault.DropAfterRecording) or nameof(FakeFault.TruncatedJson)
        or nameof(FakeFault.MalformedJson) or nameof(FakeFault.EmptyBody) or nameof(FakeFault.WrongContentType) or Timeout or CallerCancels;

    /// <summary>Faults whose answer is still the right, readable JSON: the call succeeds.</summary>
    public static bool Succeeds(string fault) => fault is nameof(FakeFault.None) or nameof(FakeFault.WrongContentType);

    /// <summary>Faults that say for certain the request was not processed.</summary>
    public static bool KnownNotProcessed(string fault) => fault is nameof(FakeFault.TooManyRequests) or nameof(FakeFault.DuplicateClientRequestId);

    /// <summary>Redirect answers: never followed, so the request was not processed, yet a redirected push is outcome-unknown.</summary>
    public static bool IsRedirect(string fault) => fault is nameof(FakeFault.MovedPermanently) or nameof(FakeFault.Found)
        or nameof(FakeFault.TemporaryRedirect) or nameof(FakeFault.PermanentRedirect);

    public static void Arm(FakeSunbayHost host, FakeEndpoint endpoint, string fault, int count = 1, TimeSpan? latency = null)
    {
        switch (fault)
        {
            case Timeout:
                host.Faults.EnqueueLatency(endpoint, latency ?? PostLatency, count);
                break;
            case CallerCancels:
                host.Faults.EnqueueLatency(endpoint, CancelLatency, count);
                break;
            default:
                host.Faults.Enqueue(endpoint, Enum.Parse<FakeFault>(fault), count);
                break;
        }
    }

    /// <summary>A <c>transactionRequestId</c> derived from the case, so that each run of a case sends the same bodies.</summary>
    public static string RequestId(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))))[..32];

    /// <summary>Runs <paramref name="call"/> and returns what it threw (or null), moving the fake clock when the fault needs time.</summary>
    public static async Task<Exception?> RunAsync(FakeTimeProvider time, FakeSunbayHost host, FakeEndpoint endpoint, string fault, Func<CancellationToken, Task> call)
    {
        using var cancellation = new CancellationTokenSource();
        var before = host.Journal.Count(r => r.Endpoint == endpoint);
        var task = Capture(call(cancellation.Token));
        switch (fault)
        {
            case Timeout:
                // Once the host holds the request (its fault was taken), move past both the client's limit and the latency.
                await FakeTimeExtensions.WaitUntilAsync(() => host.Faults.Pending == 0 || task.IsCompleted);
                time.Advance(PostLatency);
                break;
            case CallerCancels:
                // The request is with the host (its fault was taken) when the caller gives up.
                await FakeTimeExtensions.WaitUntilAsync(() => host.Faults.Pending == 0 || task.IsCompleted);
                await cancellation.CancelAsync();
                break;
        }

        var error = await task;
        if (fault is Timeout or CallerCancels)
        {
            // The host still handles the request after the client gave up: let its latency pass. Keep moving the clock
            // until the host records it: on a busy machine the host may start its delay only after a first advance.
            var recorded = () => host.Journal.Count(r => r.Endpoint == endpoint) > before;
            for (var i = 0; i < 100 && !recorded(); i++)
            {
                time.Advance(fault == Timeout ? PostLatency : CancelLatency);
                await FakeTimeExtensions.WaitUntilAsync(recorded, maxRounds: 200);
            }
        }

        return error;
    }

    public static async Task<Exception?> Capture(Task task)
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

    /// <summary>The POSTs the host carried out (as opposed to rejected before looking at them).</summary>
    public static bool WasProcessed(RecordedRequest request) =>
        request.Fault is FakeFault.DropAfterRecording or FakeFault.TruncatedJson or FakeFault.MalformedJson or FakeFault.EmptyBody or FakeFault.WrongContentType
        || (request.Fault == FakeFault.None && request.Code == FakeSunbayCodes.Success);

    public static bool Carries(RecordedRequest request, string transactionRequestId) =>
        request.Body.Contains($"\"transactionRequestId\":\"{transactionRequestId}\"", StringComparison.Ordinal);
}
