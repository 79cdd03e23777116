using Sunbay.Client.Testing.Internal;

namespace Sunbay.Client.Testing;

/// <summary>
/// A simulated SUNBAY terminal. It handles one pushed transaction at a time; the cardholder "presents the card"
/// <see cref="FakeProviderTerminal.CardPresentDelay"/> after dispatch (on the host's clock) or when
/// <see cref="PresentCard"/> is called. Scripted outcomes: <see cref="FakeProviderTerminal"/>; without a script the
/// sandbox amount table decides.
/// </summary>
public sealed class FakeTerminal : FakeProviderTerminal
{
    private readonly FakeEngine _engine;

    internal FakeTerminal(FakeEngine engine, string sn)
        : base(engine.Gate)
    {
        _engine = engine;
        Sn = sn;
    }

    /// <summary>The serial number.</summary>
    public string Sn { get; }

    /// <summary>Whether a pushed transaction is in progress on the terminal (a new push is then rejected with <see cref="FakeSunbayCodes.TerminalBusy"/>).</summary>
    public bool IsBusy
    {
        get
        {
            lock (Gate)
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
            lock (Gate)
            {
                return InFlight;
            }
        }
    }

    internal FakeTransaction? InFlight { get; set; }

    internal int BatchNumber { get; set; } = 1;

    /// <inheritdoc/>
    public override bool PresentCard() => _engine.PresentCard(this);

    /// <inheritdoc/>
    public override string ToString() => $"Terminal {Sn}{(InFlight is null ? string.Empty : " (busy)")}";
}
