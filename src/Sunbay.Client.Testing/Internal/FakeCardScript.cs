namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// A fake terminal's queue of scripted cardholder outcomes (<see cref="FakeTerminal"/>, <see cref="FakeCmComTerminal"/>),
/// under its engine's lock: the test queues, the engine takes one per transaction.
/// </summary>
internal sealed class FakeCardScript(object gate)
{
    private readonly Queue<FakeCardResult> _queue = new();

    public void Enqueue(FakeCardResult result, int count)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                _queue.Enqueue(result);
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            _queue.Clear();
        }
    }

    /// <summary>Takes the next scripted outcome; called under the engine lock.</summary>
    public FakeCardResult? Take() => _queue.TryDequeue(out var next) ? next : null;
}
