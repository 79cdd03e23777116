namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// The faults whose answer is the same whichever provider a host fakes: what a proxy, a load balancer or the network
/// does (HTML error pages, redirects, a dropped connection) and the spoiling of a processed answer. A provider's own
/// error bodies (SUNBAY's envelope, CM.com's problem+json) are its host's.
/// </summary>
internal static class FakeFaultAnswers
{
    /// <summary>The answer to a provider-independent fault that stops the request before it is looked at; null for any other fault.</summary>
    public static FakeAnswer? NotProcessed(FakeFault fault, Uri baseAddress, string path) => fault switch
    {
        FakeFault.ServerErrorHtml => Html(500, "Internal Server Error"),
        FakeFault.BadGatewayHtml => Html(502, "Bad Gateway"),
        FakeFault.ServiceUnavailableHtml => Html(503, "Service Unavailable"),
        FakeFault.GatewayTimeoutHtml => Html(504, "Gateway Time-out"),
        FakeFault.DropBeforeRecording => new FakeAnswer(0, null, string.Empty) { Drop = true },
        FakeFault.MovedPermanently => Redirect(301, "Moved Permanently", baseAddress, path),
        FakeFault.Found => Redirect(302, "Found", baseAddress, path),
        FakeFault.TemporaryRedirect => Redirect(307, "Temporary Redirect", baseAddress, path),
        FakeFault.PermanentRedirect => Redirect(308, "Permanent Redirect", baseAddress, path),
        _ => null,
    };

    /// <summary>
    /// The status and message of a fault that the provider itself refuses with an error in its format (server errors,
    /// throttling, a SUNBAY duplicate request id, a CM.com conflict); null for any other fault.
    /// </summary>
    public static (int Status, string Message)? Refusal(FakeFault fault) => fault switch
    {
        FakeFault.ServerError => (500, "Internal server error."),
        FakeFault.BadGateway => (502, "Bad gateway."),
        FakeFault.ServiceUnavailable => (503, "Service unavailable."),
        FakeFault.GatewayTimeout => (504, "Gateway timeout."),
        FakeFault.TooManyRequests => (429, "Too many requests."),
        FakeFault.DuplicateClientRequestId => (400, "Duplicate request: X-Client-Request-Id was already used within 10 minutes."),
        FakeFault.Conflict => (409, "The transaction can no longer be cancelled: a card was presented."),
        _ => null,
    };

    /// <summary>Faults that let the request be processed and then spoil the answer.</summary>
    public static FakeAnswer Spoil(FakeAnswer answer, FakeFault fault) => fault switch
    {
        FakeFault.DropAfterRecording => answer with { Drop = true },
        FakeFault.TruncatedJson => answer with { StatusCode = 200, Body = answer.Body[..(answer.Body.Length / 2)] },
        FakeFault.MalformedJson => answer with { StatusCode = 200, Body = "{\"code\": 0 \"msg\": Success, <html>" },
        FakeFault.EmptyBody => answer with { StatusCode = 200, Body = string.Empty },
        FakeFault.WrongContentType => answer with { StatusCode = 200, ContentType = "text/html" },
        _ => answer,
    };

    /// <summary>The <c>Retry-After</c> header of a 429, in whole seconds (at least 1).</summary>
    public static Dictionary<string, string> RetryAfter(TimeSpan after) =>
        new() { ["Retry-After"] = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static FakeAnswer Html(int status, string title) =>
        new(status, null, $"<html><head><title>{status} {title}</title></head><body><center><h1>{status} {title}</h1></center><hr><center>nginx</center></body></html>", "text/html");

    /// <summary>A redirect back to the same endpoint, as a misconfigured proxy or load balancer answers; the query marks it.</summary>
    private static FakeAnswer Redirect(int status, string title, Uri baseAddress, string path) =>
        Html(status, title) with { Headers = new Dictionary<string, string> { ["Location"] = $"{baseAddress.GetLeftPart(UriPartial.Authority)}{path}?redirected={status}" } };
}
