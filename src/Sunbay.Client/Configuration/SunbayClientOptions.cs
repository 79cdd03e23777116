using Sunbay.Client.Http;

namespace Sunbay.Client;

/// <summary>
/// Settings of a <see cref="ISunbayClient"/>. Bind them from configuration (section <c>Sunbay</c>, so the environment
/// variables <c>Sunbay__ApiKey</c>, <c>Sunbay__AppId</c>, ... work) or set them in code. They are validated when the
/// application starts, with messages that name the setting.
/// </summary>
/// <remarks><see cref="ToString"/> never shows the API key.</remarks>
public sealed class SunbayClientOptions : IPipelineOptions
{
    /// <summary>The environment used when <see cref="BaseAddress"/> is not set. Default <see cref="SunbayEnvironment.Production"/>.</summary>
    public SunbayEnvironment Environment { get; set; } = SunbayEnvironment.Production;

    /// <summary>
    /// Explicit API address, which wins over <see cref="Environment"/>. Must be https, except plain http to a
    /// loopback address (a local fake such as <c>FakeSunbayHost</c>).
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// The application's API key, sent as <c>Authorization: Bearer</c>: printable ASCII without white space. Read for
    /// every request, so a rotated key applies at once; a key that cannot be sent fails the request before it leaves the
    /// process.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The application ID from the SUNBAY portal, used when a request does not name one.</summary>
    public string? AppId { get; set; }

    /// <summary>The SUNBAY merchant ID (e.g. <c>M1260231004</c>), used when a request does not name one.</summary>
    public string? MerchantId { get; set; }

    /// <summary>The terminal serial number used when a request does not name one.</summary>
    public string? TerminalSn { get; set; }

    /// <summary>
    /// Default webhook URL (<c>notifyUrl</c>) of transactions. Without one SUNBAY sends no webhook and operations complete
    /// by polling. An absolute https URL of at most 200 characters (plain http only to a loopback address, for a local
    /// fake); a path such as <c>/webhooks/sunbay</c> is refused at start-up.
    /// </summary>
    public string? NotifyUrl { get; set; }

    /// <summary>
    /// How long a cardholder has to finish a sale, pre-authorisation, forced authorisation or unreferenced refund that
    /// does not set its own <c>ExpiresAt</c>: sent as <c>timeExpire</c> (now plus this, rounded up to the second), after
    /// which SUNBAY closes the unpaid transaction and frees the terminal; it is also the deadline of the operation's wait
    /// (plus <see cref="SunbayPollingOptions.ExpiryGracePeriod"/>). SUNBAY allows 3 minutes to 1 day and defaults to a
    /// day, which keeps a terminal busy and a wait running for a day after a cardholder walks away. Default 5 minutes:
    /// time to find a card, retry a PIN or fall back from chip to swipe at a counter, while a walk-away frees the terminal
    /// for the next customer within minutes. Must be 3 minutes to 1 day.
    /// </summary>
    public TimeSpan DefaultExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// SUNBAY codes that mean "no such transaction" on a query, used by <see cref="ISunbayClient.FindTransactionAsync"/>
    /// and the safe re-send. SUNBAY does not document its code; the default is the one <c>FakeSunbayHost</c> answers
    /// (<c>B01</c>); compared without regard to case. An answer with code <c>0</c> and no transaction also means "not
    /// found". An unlisted code is never taken for "not found", so nothing is ever re-sent on a guess.
    /// </summary>
    public IList<string> TransactionNotFoundCodes { get; } = ["B01"];

    /// <summary>How operations poll for a final status.</summary>
    public SunbayPollingOptions Polling { get; } = new();

    /// <summary>Network time limits.</summary>
    public ClientTimeoutOptions Timeouts { get; } = new();

    /// <summary>Retries of queries (GET). POSTs are never retried.</summary>
    public ClientRetryOptions Retry { get; } = new();

    /// <summary>The address requests go to: <see cref="BaseAddress"/>, or the address of <see cref="Environment"/>.</summary>
    public Uri ResolveBaseAddress() => BaseAddress ?? Environment switch
    {
        SunbayEnvironment.Sandbox => new Uri("https://open.sunbay-uat.us/"),
        _ => new Uri("https://open.sunbay.us/"),
    };

    /// <summary>A description for logs and diagnostics, with the API key hidden.</summary>
    public override string ToString() =>
        $"SunbayClientOptions {{ BaseAddress = {ResolveBaseAddress()}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, AppId = {AppId}, MerchantId = {MerchantId}, TerminalSn = {TerminalSn} }}";
}
