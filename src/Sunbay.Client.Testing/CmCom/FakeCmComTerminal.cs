using Sunbay.Client.Testing.Internal;

namespace Sunbay.Client.Testing;

/// <summary>
/// A simulated terminal in CM.com's Cloud Integration mode. It polls the platform: an idle terminal picks up the
/// waiting transaction <see cref="PickUpDelay"/> after it was posted (none while <see cref="IsPolling"/> is false, as a
/// terminal that is off or in standby), the cardholder presents the card <see cref="CardPresentDelay"/> later (or when
/// <see cref="PresentCard"/> is called), and the acquirer answers. Queue scripted outcomes for the next transactions
/// with <see cref="Enqueue"/> (or <see cref="ApproveNext"/>, <see cref="DeclineNext"/>, <see cref="CancelNext"/>,
/// <see cref="NeverPresentCardNext"/>); without a script <see cref="FakeCmComHostOptions.OutcomesByAmount"/> decides,
/// else the transaction is approved.
/// </summary>
public sealed class FakeCmComTerminal
{
    private readonly CmComEngine _engine;
    private readonly FakeCardScript _script;
    private bool _polling = true;

    internal FakeCmComTerminal(CmComEngine engine, string id, FakeCmComStore store)
    {
        _engine = engine;
        _script = new FakeCardScript(engine.Gate);
        Id = id;
        Store = store;
        var first = id.IndexOf('-', StringComparison.Ordinal);
        var last = id.LastIndexOf('-');
        Manufacturer = id[..first];
        Model = id[(first + 1)..last];
        Serial = id[(last + 1)..];
    }

    /// <summary>The terminal's id, <c>{manufacturer}-{model}-{serial}</c>.</summary>
    public string Id { get; }

    /// <summary>The manufacturer (the id's first part), e.g. <c>SUNMI</c>.</summary>
    public string Manufacturer { get; }

    /// <summary>The model (the id's middle part), e.g. <c>P2lite</c>.</summary>
    public string Model { get; }

    /// <summary>The serial number (the id's last part).</summary>
    public string Serial { get; }

    /// <summary>The store the terminal belongs to.</summary>
    public FakeCmComStore Store { get; }

    /// <summary>This terminal's polling delay; <see langword="null"/> uses <see cref="FakeCmComHostOptions.PickUpDelay"/>.</summary>
    public TimeSpan? PickUpDelay { get; set; }

    /// <summary>This terminal's delay from pick-up to card; <see langword="null"/> uses <see cref="FakeCmComHostOptions.CardPresentDelay"/>.</summary>
    public TimeSpan? CardPresentDelay { get; set; }

    /// <summary>
    /// Whether the terminal polls for work (default true). False is a terminal that is off, in standby or loading its
    /// configuration: transactions posted to it wait in CREATED. Setting it back to true resumes polling.
    /// </summary>
    public bool IsPolling
    {
        get
        {
            lock (_engine.Gate)
            {
                return _polling;
            }
        }

        set => _engine.SetPolling(this, value);
    }

    /// <summary>The transaction waiting to be picked up, if any (a newer one posted now would abort it).</summary>
    public FakeCmComTransaction? WaitingTransaction
    {
        get
        {
            lock (_engine.Gate)
            {
                return Waiting;
            }
        }
    }

    /// <summary>The transaction the terminal is processing (picked up, not yet answered by the acquirer), if any.</summary>
    public FakeCmComTransaction? CurrentTransaction
    {
        get
        {
            lock (_engine.Gate)
            {
                return Current;
            }
        }
    }

    internal bool Polling
    {
        get => _polling;
        set => _polling = value;
    }

    internal FakeCmComTransaction? Waiting { get; set; }

    internal FakeCmComTransaction? Current { get; set; }

    internal ITimer? PickUpTimer { get; set; }

    /// <summary>The cardholder presents the card now to the transaction in progress (a scripted "never presents" is overridden and the amount table decides).</summary>
    /// <returns>Whether a picked-up transaction was waiting for a card.</returns>
    public bool PresentCard() => _engine.PresentCard(this);

    /// <summary>Queues the outcome of the next <paramref name="count"/> transactions this terminal picks up.</summary>
    /// <param name="result">What the cardholder does.</param>
    /// <param name="count">How many transactions it applies to, in order.</param>
    public void Enqueue(FakeCardResult result, int count = 1) => _script.Enqueue(result, count);

    /// <summary>Drops the scripted outcomes not used yet.</summary>
    public void ClearScript() => _script.Clear();

    /// <summary>The next transaction is approved whatever its amount.</summary>
    public void ApproveNext() => Enqueue(FakeCardResult.Approve);

    /// <summary>The next transaction is declined (CANCELLED, result DECLINED); the code and message are printed on the receipt.</summary>
    /// <param name="resultCode">Response code, e.g. <c>05</c>.</param>
    /// <param name="resultMessage">Response message.</param>
    public void DeclineNext(string resultCode, string resultMessage) => Enqueue(FakeCardResult.Decline(resultCode, resultMessage));

    /// <summary>The cardholder cancels the next transaction on the terminal (CANCELLED, no result).</summary>
    public void CancelNext() => Enqueue(FakeCardResult.CustomerCancels);

    /// <summary>No card is presented for the next transaction: it stays CREATED on the terminal until cancelled or <see cref="PresentCard"/>.</summary>
    public void NeverPresentCardNext() => Enqueue(FakeCardResult.NeverPresentsCard);

    /// <summary>Takes the next scripted outcome; called under the engine lock.</summary>
    internal FakeCardResult? TakeScript() => _script.Take();

    /// <inheritdoc/>
    public override string ToString() => $"Terminal {Id}{(Current is null ? string.Empty : " (busy)")}";
}
