namespace Sunbay.Client.Testing;

/// <summary>Settings of a <see cref="FakeSunbayHost"/>: identity, terminals, timing, webhook secrets and the merchant profile it reports.</summary>
public sealed class FakeSunbayHostOptions : FakeProviderHostOptions
{
    /// <summary>Creates the default settings: one terminal <c>FAKE-T1</c>, the system clock, a free port.</summary>
    public FakeSunbayHostOptions()
        : base("sk_test_fake_4f1c9e2b7a6d3058")
    {
    }

    /// <summary>The application ID every request must carry. Default <c>test_fakeapp0001</c>.</summary>
    public string AppId { get; set; } = "test_fakeapp0001";

    /// <summary>The merchant ID every request must carry. Default <c>M0000000001</c>.</summary>
    public string MerchantId { get; set; } = "M0000000001";

    /// <summary>Serial numbers of the merchant's terminals; the first one is the client's default. Default one, <c>FAKE-T1</c>.</summary>
    public IList<string> TerminalSns { get; } = new List<string> { "FAKE-T1" };

    /// <summary>Webhook signing secrets; the first signs every notification (the others are for rotation tests of receivers). Default one test secret.</summary>
    public IList<string> WebhookSecrets { get; } = new List<string> { "whsec_test_fake_9d2e7c41b8a05f36e1c4" };

    /// <summary>The acquiring channel of every transaction and batch (batch-query, batch-close). Default <c>VISA_CHANNEL</c>.</summary>
    public string ChannelCode { get; set; } = "VISA_CHANNEL";

    /// <summary>Display name of <see cref="ChannelCode"/> in the merchant and terminal queries. Default <c>Visa Channel</c>.</summary>
    public string ChannelName { get; set; } = "Visa Channel";

    /// <summary>Processor merchant ID (MID) reported for the channel. Default <c>000000000000001</c>.</summary>
    public string Mid { get; set; } = "000000000000001";

    /// <summary>Merchant "doing business as" name. Default <c>Fake Coffee Shop</c>.</summary>
    public string DbaName { get; set; } = "Fake Coffee Shop";

    /// <summary>Merchant category code. Default <c>5814</c>.</summary>
    public string Mcc { get; set; } = "5814";

    /// <summary>Country, ISO 3166-1 alpha-3. Default <c>USA</c>.</summary>
    public string Country { get; set; } = "USA";

    /// <summary>State. Default <c>California</c>.</summary>
    public string StateName { get; set; } = "California";

    /// <summary>City. Default <c>San Jose</c>.</summary>
    public string CityName { get; set; } = "San Jose";

    /// <summary>Street. Default <c>1 Test Street</c>.</summary>
    public string Street { get; set; } = "1 Test Street";

    /// <summary>ZIP code. Default <c>95110</c>.</summary>
    public string ZipCode { get; set; } = "95110";

    /// <summary>Terminal vendor reported by the terminals query. Default <c>SUNMI</c>.</summary>
    public string TerminalVendor { get; set; } = "SUNMI";

    /// <summary>Terminal model reported by the terminals query. Default <c>P3</c>.</summary>
    public string TerminalModel { get; set; } = "P3";

    /// <summary>Terminals per page of the terminals query (pages are linked by <c>nextToken</c>). Default 20.</summary>
    public int TerminalsPageSize { get; set; } = 20;

    /// <summary>Webhook delivery attempts per notification before giving up (first attempt included). Default 5.</summary>
    public int WebhookMaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first webhook retry; each later retry waits twice as long as the one before. Default 1 second.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    internal override void Validate()
    {
        base.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(AppId);
        ArgumentException.ThrowIfNullOrWhiteSpace(MerchantId);
    }
}
