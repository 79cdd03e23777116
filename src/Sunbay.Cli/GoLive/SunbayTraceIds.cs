using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sunbay.Cli;

/// <summary>
/// Collects SUNBAY's <c>traceId</c> of every API call made inside a scope, so that each go-live item can print the one
/// to quote to SUNBAY support. The SDK puts the envelope's traceId on its <c>Sunbay.Client</c> activity
/// (tag <c>sunbay.trace_id</c>), for successes as well as errors; each scope is an activity of its own trace, and the
/// SDK's activities started inside it belong to that trace.
/// </summary>
internal sealed class SunbayTraceIds : IDisposable
{
    private const string SdkSource = "Sunbay.Client";
    private const string SampleSource = "Sunbay.Cli";
    private static readonly ActivitySource Source = new(SampleSource);

    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<(string Operation, string TraceId)>> _calls = new();
    private readonly ActivityListener _listener;

    public SunbayTraceIds()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SdkSource or SampleSource, // by name: comparing with Source here would initialise it while the listener is being added
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Starts a scope: API calls made until it is disposed (in this async flow) are recorded in it.</summary>
    public Scope Begin(string name)
    {
        var previous = Activity.Current;
        Activity.Current = null; // a new trace per scope, whatever the caller runs in
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        if (activity is null)
        {
            Activity.Current = previous;
            return new Scope(this, null, previous);
        }

        _calls[activity.TraceId] = new ConcurrentQueue<(string, string)>();
        return new Scope(this, activity, previous);
    }

    public void Dispose() => _listener.Dispose();

    private void OnStopped(Activity activity)
    {
        if (activity.Source.Name == SdkSource
            && _calls.TryGetValue(activity.TraceId, out var calls)
            && activity.GetTagItem("sunbay.trace_id") is string { Length: > 0 } traceId)
        {
            calls.Enqueue(((activity.GetTagItem("sunbay.operation") as string) ?? activity.DisplayName, traceId));
        }
    }

    /// <summary>The API calls of one go-live item.</summary>
    internal sealed class Scope(SunbayTraceIds owner, Activity? activity, Activity? previous) : IDisposable
    {
        /// <summary>SUNBAY's traceId of the first call of <paramref name="operation"/> (e.g. <c>sale</c>), else of the last call.</summary>
        public string? TraceIdOf(string operation)
        {
            if (activity is null || !owner._calls.TryGetValue(activity.TraceId, out var calls))
            {
                return null;
            }

            var all = calls.ToArray();
            return all.FirstOrDefault(c => c.Operation == operation).TraceId ?? all.LastOrDefault().TraceId;
        }

        public void Dispose()
        {
            if (activity is not null)
            {
                activity.Dispose();
                owner._calls.TryRemove(activity.TraceId, out _);
            }

            Activity.Current = previous;
        }
    }
}
