using System.Diagnostics.Tracing;
using System.Globalization;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// Bytes allocated per type, sampled in process from the runtime's <c>GCAllocationTick</c> event (one event about every
/// 100 KB allocated, naming the type whose allocation crossed the mark and carrying the bytes since the last one): over
/// enough calls, each type's share of a call's bytes. For `profile --case NAME --allocs` (which types a call allocates,
/// to find what to cut); the listener's own event objects show up as EventPipe/EventWrittenEventArgs types.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, (long Bytes, int Samples)> _byType = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private volatile bool _on;

    public void Start() => _on = true;

    public void Stop() => _on = false;

    /// <summary>The types sampled, heaviest first, in bytes per call of <paramref name="calls"/>.</summary>
    public List<string> Report(int calls, int top)
    {
        lock (_lock)
        {
            var total = _byType.Values.Sum(v => v.Bytes);
            List<string> lines = [string.Create(CultureInfo.InvariantCulture, $"# {total / (double)calls:F0} B/call sampled in {_byType.Values.Sum(v => v.Samples)} ticks")];
            foreach (var (type, (bytes, samples)) in _byType.OrderByDescending(p => p.Value.Bytes).Take(top))
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)calls,8:F1} B/call  {samples,6}  {type}"));
            }

            return lines;
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_on || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var amount = 0L;
        string? type = null;
        for (var i = 0; i < eventData.PayloadNames.Count; i++)
        {
            switch (eventData.PayloadNames[i])
            {
                case "AllocationAmount64":
                    amount = Convert.ToInt64(eventData.Payload[i], CultureInfo.InvariantCulture);
                    break;
                case "AllocationAmount" when amount == 0:
                    amount = Convert.ToInt64(eventData.Payload[i], CultureInfo.InvariantCulture);
                    break;
                case "TypeName":
                    type = eventData.Payload[i] as string;
                    break;
            }
        }

        lock (_lock)
        {
            var key = type ?? "?";
            var (bytes, samples) = _byType.GetValueOrDefault(key);
            _byType[key] = (bytes + amount, samples + 1);
        }
    }
}
