namespace Sunbay.Client.Testing;

/// <summary>
/// What every simulated terminal has (<see cref="FakeTerminal"/> of SUNBAY, <see cref="FakeCmComTerminal"/> of CM.com):
/// its card delay, <see cref="PresentCard"/>, and a script of cardholder outcomes for the next transactions, queued
/// with <see cref="Enqueue"/> (or <see cref="ApproveNext"/>, <see cref="DeclineNext"/>, <see cref="CancelNext"/>,
/// <see cref="NeverPresentCardNext"/>). A transaction takes one scripted outcome; without one, the host's amount rules
/// decide.
/// </summary>
public abstract class FakeProviderTerminal
{
    private readonly Queue<FakeCardResult> _script = new();

    private protected FakeProviderTerminal(object gate) => Gate = gate;

    /// <summary>
    /// This terminal's delay until the cardholder presents the card (SUNBAY: from dispatch; CM.com: from pick-up);
    /// <see langword="null"/> uses <see cref="FakeProviderHostOptions.CardPresentDelay"/>.
    /// </summary>
    public TimeSpan? CardPresentDelay { get; set; }

    /// <summary>The lock of the terminal's host engine: the script and the terminal's state change under it.</summary>
    private protected object Gate { get; }

    /// <summary>The cardholder presents the card now: the transaction in progress completes at once (a scripted "never presents" is overridden and the amount rules decide).</summary>
    /// <returns>Whether a transaction was waiting for a card.</returns>
    public abstract bool PresentCard();

    /// <summary>Queues the outcome of the next <paramref name="count"/> transactions of this terminal.</summary>
    /// <param name="result">What the cardholder does.</param>
    /// <param name="count">How many transactions it applies to, in order.</param>
    public void Enqueue(FakeCardResult result, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (Gate)
        {
            for (var i = 0; i < count; i++)
            {
                _script.Enqueue(result);
            }
        }
    }

    /// <summary>The next transaction is approved whatever its amount.</summary>
    public void ApproveNext() => Enqueue(FakeCardResult.Approve);

    /// <summary>
    /// The next transaction is declined with this code and message: SUNBAY's status F with the channel code; CM.com's
    /// CANCELLED with result DECLINED, the code and message printed on the receipt.
    /// </summary>
    /// <param name="resultCode">The code, e.g. <c>051</c> (SUNBAY) or <c>05</c> (CM.com).</param>
    /// <param name="resultMessage">The message.</param>
    public void DeclineNext(string resultCode, string resultMessage) => Enqueue(FakeCardResult.Decline(resultCode, resultMessage));

    /// <summary>The cardholder cancels the next transaction on the terminal (SUNBAY: status C; CM.com: CANCELLED, no result).</summary>
    public void CancelNext() => Enqueue(FakeCardResult.CustomerCancels);

    /// <summary>
    /// No card is presented for the next transaction: on SUNBAY it stays P until its <c>timeExpire</c>, then becomes C;
    /// on CM.com it stays CREATED until cancelled. <see cref="PresentCard"/> overrides it.
    /// </summary>
    public void NeverPresentCardNext() => Enqueue(FakeCardResult.NeverPresentsCard);

    /// <summary>Drops the scripted outcomes not used yet.</summary>
    public void ClearScript()
    {
        lock (Gate)
        {
            _script.Clear();
        }
    }

    /// <summary>Takes the next scripted outcome; called under the engine lock.</summary>
    internal FakeCardResult? TakeScript() => _script.TryDequeue(out var next) ? next : null;
}
