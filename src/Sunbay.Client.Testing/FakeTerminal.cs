using Sunbay.Client.Testing.Internal;

namespace Sunbay.Client.Testing;

/// <summary>
/// A simulated SUNBAY terminal. It handles one pushed transaction at a time; the cardholder "presents the card"
/// <see cref="CardPresentDelay"/> after dispatch (on the host's <see cref="TimeProvider"/>) or when
/// <see cref="PresentCard"/> is called. Queue scripted outcomes for the next transactions with <see cref="Enqueue"/>
/// (or <see cref="ApproveNext"/>, <see cref="DeclineNext"/>, <see cref="CancelNext"/>, <see cref="NeverPresentCardNext"/>);
/// without a script the sandbox amount table decides.
/// </summary>
public sealed class FakeTerminal
{
    private readonly FakeEngine _engine;
    private readonly FakeCardScript _script;

    internal FakeTerminal(FakeEngine engine, string sn)
    {
        _engine = engine;
        _script = new FakeCardScript(engine.Gate);
        Sn = sn;
    }

    /// <summary>The serial number.</summary>
    public string Sn { get; }

    /// <summary>This terminal's delay from dispatch to card presentation; <see langword="null"/> uses <see cref="FakeSunbayHostOptions.CardPresentDelay"/>.</summary>
    public TimeSpan? CardPresentDelay { get; set; }

    /// <summary>Whether a pushed transaction is in progress on the terminal (a new push is then rejected with <see cref="FakeSunbayCodes.TerminalBusy"/>).</summary>
    public bool IsBusy
    {
        get
        {
            lock (_engine.Gate)
            {
                return InFlight is not null;
            }
        }
    }

    /// <summary>The transaction in progress on the terminal, if any.</summary>
    public FakeTransaction? CurrentTransaction
    {
        get
        {
            lock (_engine.Gate)
            {
                return InFlight;
            }
        }
    }

    internal FakeTransaction? InFlight { get; set; }

    internal int BatchNumber { get; set; } = 1;

    /// <summary>The cardholder presents the card now: the transaction in progress completes at once (a scripted "never presents" is overridden and the amount table decides).</summary>
    /// <returns>Whether a transaction was in progress.</returns>
    public bool PresentCard() => _engine.PresentCard(this);

    /// <summary>Queues the outcome of the next <paramref name="count"/> transactions pushed to this terminal.</summary>
    /// <param name="result">What the cardholder does.</param>
    /// <param name="count">How many transactions it applies to, in order.</param>
    public void Enqueue(FakeCardResult result, int count = 1) => _script.Enqueue(result, count);

    /// <summary>The next transaction is approved whatever its amount.</summary>
    public void ApproveNext() => Enqueue(FakeCardResult.Approve);

    /// <summary>The next transaction is declined with this channel code and message (status F).</summary>
    /// <param name="resultCode">Channel code, e.g. <c>051</c>.</param>
    /// <param name="resultMessage">Channel message.</param>
    public void DeclineNext(string resultCode, string resultMessage) => Enqueue(FakeCardResult.Decline(resultCode, resultMessage));

    /// <summary>The cardholder cancels the next transaction on the terminal (status C).</summary>
    public void CancelNext() => Enqueue(FakeCardResult.CustomerCancels);

    /// <summary>No card is presented for the next transaction: it stays P until its <c>timeExpire</c>, then becomes C.</summary>
    public void NeverPresentCardNext() => Enqueue(FakeCardResult.NeverPresentsCard);

    /// <summary>Drops the scripted outcomes not used yet.</summary>
    public void ClearScript() => _script.Clear();

    /// <summary>Takes the next scripted outcome; called under the engine lock.</summary>
    internal FakeCardResult? TakeScript() => _script.Take();

    /// <inheritdoc/>
    public override string ToString() => $"Terminal {Sn}{(InFlight is null ? string.Empty : " (busy)")}";
}
