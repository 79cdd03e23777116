using Sunbay.Client.Http;

namespace Sunbay.Client.CmCom;

/// <summary>
/// Settings of a <see cref="ICmComClient"/>. Bind them from configuration (section <c>CmCom</c>, so the environment
/// variables <c>CmCom__ApiKey</c>, <c>CmCom__BaseAddress</c>, ... work) or set them in code. They are validated when the
/// application starts, with messages that name the setting.
/// </summary>
/// <remarks><see cref="ToString"/> never shows the API key.</remarks>
public sealed class CmComClientOptions : IPipelineOptions
{
    /// <summary>
    /// The MerchantAPI's address, required: CM.com's guide names no host (it is a payplaza.com host CM.com gives you), so
    /// the SDK has no default. Must be https, except plain http to a loopback address (a local fake).
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// The API key CM.com issued, sent in the <c>API-Key</c> header: printable ASCII without white space. Read for every
    /// attempt, so a key switched by a configuration reload applies at once, without a restart (see also
    /// <see cref="ICmComClient.RotateApiKeyAsync"/>).
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The terminal used when a call does not name one: <c>{manufacturer}-{model}-{serial}</c> as the terminal reports it,
    /// e.g. <c>SUNMI-P2lite-PL0919CQ00305</c> (the terminal app shows it under System report, and as a QR code).
    /// </summary>
    public string? Terminal { get; set; }

    /// <summary>Entries asked per page when listing stores, terminals or transactions (CM.com's <c>size</c>): 1 to 100. Default 100, CM.com's maximum: fewest requests.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>How operations poll for a final status.</summary>
    public CmComPollingOptions Polling { get; } = new();

    /// <summary>
    /// Network time limits. <see cref="ClientTimeoutOptions.Post"/> is the limit of every request that is not a GET
    /// (starting a transaction, cancelling it, creating or revoking a key): each is sent once, never retried.
    /// </summary>
    public ClientTimeoutOptions Timeouts { get; } = new();

    /// <summary>Retries of GET requests. Nothing else is ever retried.</summary>
    public ClientRetryOptions Retry { get; } = new();

    /// <summary>A description for logs and diagnostics, with the API key hidden.</summary>
    public override string ToString() =>
        $"CmComClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, Terminal = {Terminal}, PageSize = {PageSize} }}";

    /// <summary>The validator refuses options without a base address; one removed later from options set in code fails the call, before anything is sent.</summary>
    Uri IPipelineOptions.ResolveBaseAddress() =>
        BaseAddress ?? throw new PaymentsConfigurationException(["CmCom:BaseAddress is required: the MerchantAPI address CM.com gave you."]);
}
