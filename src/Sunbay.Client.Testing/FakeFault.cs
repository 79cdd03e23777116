namespace Sunbay.Client.Testing;

/// <summary>
/// A transport or server failure that a fake host's <see cref="FakeFaults"/> injects into one answer, the same on
/// either provider but for two: <see cref="DuplicateClientRequestId"/> (SUNBAY only) and <see cref="Conflict"/> (CM.com only). "Not processed" faults answer before the request is looked at (nothing is created); "processed"
/// faults let the fake handle the request first (a sale is created and dispatched: the charge happened) and then spoil
/// the answer. Error bodies are the provider's: a SUNBAY envelope on <see cref="FakeSunbayHost"/>, problem+json on
/// <see cref="FakeCmComHost"/>.
/// </summary>
public enum FakeFault
{
    /// <summary>No fault: only the latency given to <see cref="FakeFaults.Enqueue"/> applies.</summary>
    None = 0,

    /// <summary>Not processed: HTTP 500 in the provider's error format (SUNBAY: code <see cref="FakeSunbayCodes.ServerError"/>).</summary>
    ServerError,

    /// <summary>Not processed: HTTP 502 in the provider's error format.</summary>
    BadGateway,

    /// <summary>Not processed: HTTP 503 in the provider's error format.</summary>
    ServiceUnavailable,

    /// <summary>Not processed: HTTP 504 in the provider's error format.</summary>
    GatewayTimeout,

    /// <summary>Not processed: HTTP 500 with an HTML page (as a load balancer or proxy answers).</summary>
    ServerErrorHtml,

    /// <summary>Not processed: HTTP 502 with an HTML page.</summary>
    BadGatewayHtml,

    /// <summary>Not processed: HTTP 503 with an HTML page.</summary>
    ServiceUnavailableHtml,

    /// <summary>Not processed: HTTP 504 with an HTML page.</summary>
    GatewayTimeoutHtml,

    /// <summary>Not processed: HTTP 429 with <c>Retry-After</c> (<see cref="FakeFaults.RetryAfter"/>) and code <see cref="FakeSunbayCodes.RateLimited"/>.</summary>
    TooManyRequests,

    /// <summary>Not processed: the connection is closed without an answer before the request is looked at (nothing is created).</summary>
    DropBeforeRecording,

    /// <summary>Processed: the request is handled (a push creates its transaction) and then the connection is closed without an answer.</summary>
    DropAfterRecording,

    /// <summary>Processed: HTTP 200 with the first half of the JSON answer.</summary>
    TruncatedJson,

    /// <summary>Processed: HTTP 200 with a body that is not JSON at all.</summary>
    MalformedJson,

    /// <summary>Processed: HTTP 200 with an empty body.</summary>
    EmptyBody,

    /// <summary>Processed: HTTP 200 with the right JSON but <c>Content-Type: text/html</c>.</summary>
    WrongContentType,

    /// <summary>SUNBAY only (a CM.com host's <see cref="FakeFaults"/> refuses it): not processed, answered as if the <c>X-Client-Request-Id</c> had been seen before (code <see cref="FakeSunbayCodes.DuplicateRequest"/>).</summary>
    DuplicateClientRequestId,

    /// <summary>
    /// Not processed: HTTP 301 with a <c>Location</c> back to the same endpoint of this host (with a query). A client that
    /// follows it sends the request again (turned into a GET by most HTTP stacks).
    /// </summary>
    MovedPermanently,

    /// <summary>Not processed: HTTP 302 with a <c>Location</c> back to the same endpoint of this host (with a query).</summary>
    Found,

    /// <summary>
    /// Not processed: HTTP 307 with a <c>Location</c> back to the same endpoint of this host (with a query). A client that
    /// follows it sends the same request, body and all, again.
    /// </summary>
    TemporaryRedirect,

    /// <summary>Not processed: HTTP 308 with a <c>Location</c> back to the same endpoint of this host (with a query).</summary>
    PermanentRedirect,

    /// <summary>
    /// CM.com only (a SUNBAY host's <see cref="FakeFaults"/> refuses it): not processed, HTTP 409 Conflict with a problem+json as CM.com
    /// answers a cancel once a card was presented (queue it for <see cref="FakeEndpoint.CancelTransaction"/>).
    /// </summary>
    Conflict,
}
