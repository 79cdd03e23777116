namespace Sunbay.Client.Testing;

/// <summary>Settings of a <see cref="FakeCmComHost"/>: its clock, first API key, store, terminals, timing and card outcomes.</summary>
public sealed class FakeCmComHostOptions : FakeProviderHostOptions
{
    /// <summary>Creates the default settings: one store, one terminal, the system clock, a free port.</summary>
    public FakeCmComHostOptions()
        : base("cm_test_fake_7d41c9a05e2b8f36")
    {
    }

    /// <summary>The label of <see cref="FakeProviderHostOptions.ApiKey"/> in the key overview. Default <c>Initial key</c>.</summary>
    public string ApiKeyLabel { get; set; } = "Initial key";

    /// <summary>The name of the store the terminals of <see cref="TerminalIds"/> belong to. Default <c>Fake Store</c>.</summary>
    public string StoreName { get; set; } = "Fake Store";

    /// <summary>
    /// Ids (<c>{manufacturer}-{model}-{serial}</c>) of the terminals onboarded in Cloud Integration mode, all in the
    /// store <see cref="StoreName"/>. Default one, <c>SUNMI-P2lite-FAKE0000001</c>.
    /// </summary>
    public IList<string> TerminalIds { get; } = new List<string> { "SUNMI-P2lite-FAKE0000001" };

    /// <summary>
    /// How long an idle terminal takes to pick up a transaction (its polling interval; CM.com's are usually under 10
    /// seconds). Default 2 seconds; a terminal can override it.
    /// </summary>
    public TimeSpan PickUpDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time from the card until the acquirer's answer (status AUTHORIZED, or CANCELLED when declined). Default 1 second.</summary>
    public TimeSpan AuthorizationDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time from AUTHORIZED to CLEARED. Default 1 second.</summary>
    public TimeSpan ClearingDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The card brand of processed transactions (<c>brand</c>). Default <c>V_PAY</c>, as in CM.com's guide.</summary>
    public string CardBrand { get; set; } = "V_PAY";

    /// <summary>
    /// Outcomes by amount (major units, e.g. <c>[13.13m] = FakeCardResult.Decline("05", "Do not honour")</c>): a
    /// transaction of that exact amount gets it when its terminal has no scripted outcome. Every other amount is
    /// approved. Empty by default: CM.com documents no test amounts.
    /// </summary>
    public IDictionary<decimal, FakeCardResult> OutcomesByAmount { get; } = new Dictionary<decimal, FakeCardResult>();

    /// <summary>
    /// How long a new transaction stays out of the terminal's transaction list (<c>GET …/transactions</c>) while it can
    /// already be read by its ID. CM.com's guide does not say how soon a new transaction shows in the list; set this to
    /// test that a recovery by merchant reference re-reads the list before it sends again. Default zero: at once.
    /// </summary>
    public TimeSpan ListShowsNewTransactionsAfter { get; set; }

    internal override void Validate()
    {
        base.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(ApiKeyLabel);
        ArgumentException.ThrowIfNullOrWhiteSpace(StoreName);
        ArgumentException.ThrowIfNullOrWhiteSpace(CardBrand);
    }
}
