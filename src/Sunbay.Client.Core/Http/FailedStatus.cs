namespace Sunbay.Client.Http;

/// <summary>
/// What a failed answer's HTTP status says about the request, for a provider that answers any 2xx on success and
/// explains a refusal in an error document (CM.com, a provider on <c>PaymentsPipeline</c>): one rule, so that "may it have
/// been acted on?" is answered the same way for each of them.
/// </summary>
internal enum FailedStatus
{
    /// <summary>The provider refused the request and said why (a 4xx with its error document): nothing was done.</summary>
    Refused,

    /// <summary>Refused before processing (408, 429): nothing was done; it may be sent again later.</summary>
    NotProcessed,

    /// <summary>
    /// A server error, or a status the provider did not explain: nothing reliable is known, so a request that changes
    /// something may have been acted on first (its outcome is unknown).
    /// </summary>
    Unknown,
}

/// <summary>Reads a failed status into a <see cref="FailedStatus"/>.</summary>
internal static class FailedStatusRule
{
    /// <param name="status">The failed answer's HTTP status.</param>
    /// <param name="explained">Whether the body held the provider's error document.</param>
    public static FailedStatus Of(int status, bool explained) =>
        status is >= 500 and <= 599 || (!explained && status is < 400 or > 499) ? FailedStatus.Unknown
        : status is 408 or 429 ? FailedStatus.NotProcessed
        : FailedStatus.Refused;
}
