using Sunbay.Client.Testing.Internal;

namespace Sunbay.Client.Testing;

// How a request is answered, whichever transport brought it: the route, an injected fault, the engine, the journal.
public sealed partial class FakeSunbayHost
{
    private static readonly Dictionary<(string Method, string Path), FakeEndpoint> Routes = new()
    {
        [("POST", "/v1/semi-integration/transaction/sale")] = FakeEndpoint.Sale,
        [("POST", "/v1/semi-integration/transaction/auth")] = FakeEndpoint.Auth,
        [("POST", "/v1/semi-integration/transaction/forced-auth")] = FakeEndpoint.ForcedAuth,
        [("POST", "/v1/semi-integration/transaction/incremental-auth")] = FakeEndpoint.IncrementalAuth,
        [("POST", "/v1/semi-integration/transaction/post-auth")] = FakeEndpoint.PostAuth,
        [("POST", "/v1/semi-integration/transaction/refund")] = FakeEndpoint.Refund,
        [("POST", "/v1/semi-integration/transaction/void")] = FakeEndpoint.Void,
        [("POST", "/v1/semi-integration/transaction/abort")] = FakeEndpoint.Abort,
        [("POST", "/v1/semi-integration/transaction/tip-adjust")] = FakeEndpoint.TipAdjust,
        [("GET", "/v1/transaction/query")] = FakeEndpoint.Query,
        [("GET", "/v1/settlement/batch-query")] = FakeEndpoint.BatchQuery,
        [("POST", "/v1/settlement/batch-close")] = FakeEndpoint.BatchClose,
        [("GET", "/v1/settlement/batch-close-list")] = FakeEndpoint.BatchCloseList,
        [("GET", "/v1/merchant/query")] = FakeEndpoint.MerchantQuery,
        [("GET", "/v1/merchant/terminals/query")] = FakeEndpoint.TerminalsQuery,
    };

    /// <summary>
    /// Answers one request, whichever transport brought it: faults, the engine, the journal. An answer with
    /// <see cref="FakeAnswer.Drop"/> tells the transport to close the connection without answering.
    /// </summary>
    internal async Task<FakeAnswer> HandleAsync(IncomingRequest request, string rawQuery)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await AnswerAsync(request, rawQuery).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<FakeAnswer> AnswerAsync(IncomingRequest request, string rawQuery)
    {
        var received = TimeProvider.GetUtcNow();
        var endpoint = Routes.GetValueOrDefault((request.Method, request.Path), FakeEndpoint.Any);
        var (fault, latency) = Faults.Take(endpoint);
        if (latency > TimeSpan.Zero)
        {
            // Waiting on the clock is not work in hand: RunUntilAsync may move the clock past it.
            Interlocked.Decrement(ref _inFlight);
            try
            {
                await Task.Delay(latency, TimeProvider).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Increment(ref _inFlight);
            }
        }

        var answer = fault switch
        {
            FakeFault.ServerError => FakeEngine.Error(500, FakeSunbayCodes.ServerError, "Internal server error"),
            FakeFault.BadGateway => FakeEngine.Error(502, FakeSunbayCodes.ServerError, "Bad gateway"),
            FakeFault.ServiceUnavailable => FakeEngine.Error(503, FakeSunbayCodes.ServerError, "Service unavailable"),
            FakeFault.GatewayTimeout => FakeEngine.Error(504, FakeSunbayCodes.ServerError, "Gateway timeout"),
            FakeFault.ServerErrorHtml => Html(500, "Internal Server Error"),
            FakeFault.BadGatewayHtml => Html(502, "Bad Gateway"),
            FakeFault.ServiceUnavailableHtml => Html(503, "Service Unavailable"),
            FakeFault.GatewayTimeoutHtml => Html(504, "Gateway Time-out"),
            FakeFault.TooManyRequests => FakeEngine.Error(429, FakeSunbayCodes.RateLimited, "Too many requests") with
            {
                Headers = new Dictionary<string, string> { ["Retry-After"] = Math.Max(1, (int)Math.Ceiling(Faults.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            },
            FakeFault.DropBeforeRecording => new FakeAnswer(0, null, string.Empty) { Drop = true },
            FakeFault.DuplicateClientRequestId => FakeEngine.Error(400, FakeSunbayCodes.DuplicateRequest, "Duplicate request: X-Client-Request-Id was already used within 10 minutes"),
            FakeFault.MovedPermanently => Redirect(301, "Moved Permanently", request),
            FakeFault.Found => Redirect(302, "Found", request),
            FakeFault.TemporaryRedirect => Redirect(307, "Temporary Redirect", request),
            FakeFault.PermanentRedirect => Redirect(308, "Permanent Redirect", request),
            _ => Spoil(_engine.Handle(endpoint, request), fault),
        };

        Record(request, rawQuery, endpoint, answer, fault, received);
        return answer;
    }

    /// <summary>Faults that let the request be processed and then spoil the answer.</summary>
    private static FakeAnswer Spoil(FakeAnswer answer, FakeFault fault) => fault switch
    {
        FakeFault.DropAfterRecording => answer with { Drop = true },
        FakeFault.TruncatedJson => answer with { StatusCode = 200, Body = answer.Body[..(answer.Body.Length / 2)] },
        FakeFault.MalformedJson => answer with { StatusCode = 200, Body = "{\"code\": 0 \"msg\": Success, <html>" },
        FakeFault.EmptyBody => answer with { StatusCode = 200, Body = string.Empty },
        FakeFault.WrongContentType => answer with { StatusCode = 200, ContentType = "text/html" },
        _ => answer,
    };

    private static FakeAnswer Html(int status, string title) =>
        new(status, null, $"<html><head><title>{status} {title}</title></head><body><center><h1>{status} {title}</h1></center><hr><center>nginx</center></body></html>", "text/html");

    /// <summary>A redirect back to the same endpoint, as a misconfigured proxy or load balancer answers; the query marks it.</summary>
    private FakeAnswer Redirect(int status, string title, IncomingRequest request) =>
        Html(status, title) with { Headers = new Dictionary<string, string> { ["Location"] = $"{BaseAddress.GetLeftPart(UriPartial.Authority)}{request.Path}?redirected={status}" } };

    private void Record(IncomingRequest request, string rawQuery, FakeEndpoint endpoint, FakeAnswer answer, FakeFault fault, DateTimeOffset received)
    {
        var pathAndQuery = string.IsNullOrEmpty(rawQuery) ? request.Path : request.Path + (rawQuery.StartsWith('?') ? rawQuery : "?" + rawQuery);
        var recorded = new RecordedRequest(request.Method, pathAndQuery, request.Headers, request.Body, endpoint,
            answer.Drop ? null : answer.StatusCode, answer.Drop ? null : answer.Code, fault, received);
        lock (_journalGate)
        {
            _journal.Add(recorded);
        }
    }
}
