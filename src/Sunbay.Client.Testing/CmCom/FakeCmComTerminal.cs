using Sunbay.Client.Testing.Internal;

namespace Sunbay.Client.Testing;

/// <summary>
/// A simulated terminal in CM.com's Cloud Integration mode. It polls the platform: an idle terminal picks up the
/// waiting transaction <see cref="PickUpDelay"/> after it was posted (none while <see cref="IsPolling"/> is false, as a
/// terminal that is off or in standby), the cardholder presents the card <see cref="FakeProviderTerminal.CardPresentDelay"/> later (or when
/// <see cref="PresentCard"/> is called), and the acquirer answers. Scripted outcomes: <see cref="FakeProviderTerminal"/>;
/// without a script <see cref="FakeCmComHostOptions.OutcomesByAmount"/> decides, else the transaction is approved.
/// </summary>
public sealed class FakeCmComTerminal : FakeProviderTerminal
{
    private readonly CmComEngine _engine;
    private bool _polling = true;

    internal FakeCmComTerminal(CmComEngine engine, string id, FakeCmComStore store)
        : base(engine.Gate)
    {
        _engine = engine;
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

    /// <summary>
    /// Whether the terminal polls for work (default true). False is a terminal that is off, in standby or loading its
    /// configuration: transactions posted to it wait in CREATED. Setting it back to true resumes polling.
    /// </summary>
    public bool IsPolling
    {
        get
        {
            lock (Gate)
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
            lock (Gate)
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
            lock (Gate)
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

    /// <inheritdoc/>
    public override bool PresentCard() => _engine.PresentCard(this);

    /// <inheritdoc/>
    public override string ToString() => $"Terminal {Id}{(Current is null ? string.Empty : " (busy)")}";
}
