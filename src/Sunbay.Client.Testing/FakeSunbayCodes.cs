namespace Sunbay.Client.Testing;

/// <summary>
/// Every envelope <c>code</c> that <see cref="FakeSunbayHost"/> answers, with the HTTP status it uses. SUNBAY documents
/// only <c>"0"</c> (success) and <c>"C17"</c> (parameter error); every other code here is <b>the fake's own choice</b>,
/// because SUNBAY's real codes for these cases are not published. Code under test should treat them as "some business
/// error" (<c>code != "0"</c>) and never depend on their exact values against the real service.
/// </summary>
/// <remarks>
/// HTTP status: 200 for success and business errors, 400 for protocol and parameter errors, 401 for authentication,
/// 404 for an unknown path; injected faults (<see cref="FakeFaults"/>) use 429 and 5xx.
/// </remarks>
public static class FakeSunbayCodes
{
    /// <summary><c>0</c>, HTTP 200: success.</summary>
    public const string Success = "0";

    /// <summary>
    /// <c>C17</c>, HTTP 400: parameter error (documented by SUNBAY). Missing or over-long <c>X-Client-Request-Id</c>, an
    /// <c>X-Timestamp</c> that is not 13 digits or is more than 10 minutes off the host clock, a POST whose
    /// <c>Content-Type</c> is not exactly <c>application/json</c> (a <c>charset</c> is rejected, as by the real sandbox),
    /// a body that is not valid JSON of the operation, a field breaking the spec (length, pattern, range, item count,
    /// required) or a documented cross-field rule, and an <c>appId</c>/<c>merchantId</c> other than the host's.
    /// The <c>msg</c> names the field.
    /// </summary>
    public const string ParameterError = "C17";

    /// <summary><c>C01</c>, HTTP 401: missing or wrong <c>Authorization: Bearer</c> API key (also the old key right after a rotation).</summary>
    public const string Unauthorized = "C01";

    /// <summary><c>C02</c>, HTTP 400: a POST repeated an <c>X-Client-Request-Id</c> seen in the last 10 minutes ("identified as duplicate" in SUNBAY's docs).</summary>
    public const string DuplicateRequest = "C02";

    /// <summary><c>C04</c>, HTTP 404: no such endpoint.</summary>
    public const string UnknownEndpoint = "C04";

    /// <summary><c>B01</c>, HTTP 200: the transaction (or the original transaction of a refund, void, capture, ...) does not exist.</summary>
    public const string TransactionNotFound = "B01";

    /// <summary><c>B02</c>, HTTP 200: the <c>terminalSn</c> is not a terminal of the merchant.</summary>
    public const string TerminalNotFound = "B02";

    /// <summary>
    /// <c>B03</c>, HTTP 200: the terminal is busy with another transaction. A terminal shows one transaction at a time
    /// and SUNBAY does not queue pushes, so the fake rejects the push instead of waiting; nothing is created and the
    /// same <c>transactionRequestId</c> may be sent again later.
    /// </summary>
    public const string TerminalBusy = "B03";

    /// <summary>
    /// <c>B04</c>, HTTP 200: the original transaction's status or type does not allow the operation ("Transaction
    /// status not allowed" in SUNBAY's FAQ): refund of a transaction that is not a successful sale, post-auth or
    /// forced-auth; void of one already voided or refunded; abort of one that is no longer unpaid; incremental or
    /// post-auth on something other than a successful, uncaptured AUTH; tip adjust of something other than a
    /// successful sale or post-auth.
    /// </summary>
    public const string StatusNotAllowed = "B04";

    /// <summary>
    /// <c>B05</c>, HTTP 200: the refunds of a transaction would exceed its amount ("Refund amount exceeds original
    /// transaction amount"): the sum of the refunds' <c>orderAmount</c> (in progress ones included) would exceed the
    /// original's <c>orderAmount</c>, the one field SUNBAY documents the limit on.
    /// </summary>
    public const string RefundExceedsAmount = "B05";

    /// <summary><c>B06</c>, HTTP 200: void of a transaction not created on the current day (UTC date of the host's <see cref="TimeProvider"/>).</summary>
    public const string VoidWindowPassed = "B06";

    /// <summary><c>B07</c>, HTTP 200: a <c>transactionRequestId</c> already used by a different operation (a repeat of the same operation replays the first answer instead).</summary>
    public const string TransactionRequestIdReused = "B07";

    /// <summary><c>B08</c>, HTTP 200: a post-auth for more than the authorised amount.</summary>
    public const string ExceedsAuthorizedAmount = "B08";

    /// <summary><c>B09</c>, HTTP 200: batch close for a <c>channelCode</c> the merchant does not have.</summary>
    public const string UnknownChannel = "B09";

    /// <summary><c>B10</c>, HTTP 200: the currency differs from the original transaction's.</summary>
    public const string CurrencyMismatch = "B10";

    /// <summary><c>E429</c>, HTTP 429 with <c>Retry-After</c>: injected rate limit (<see cref="FakeFault.TooManyRequests"/>).</summary>
    public const string RateLimited = "E429";

    /// <summary><c>E500</c>, HTTP 5xx: injected server error with an envelope (<see cref="FakeFault.ServerError"/> and friends).</summary>
    public const string ServerError = "E500";
}
