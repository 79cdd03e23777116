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
    internal Task<FakeAnswer> HandleAsync(IncomingRequest request, string rawQuery) => _work.RunAsync(() => AnswerAsync(request, rawQuery));

    private async Task<FakeAnswer> AnswerAsync(IncomingRequest request, string rawQuery)
    {
        var received = TimeProvider.GetUtcNow();
        var endpoint = Routes.GetValueOrDefault((request.Method, request.Path), FakeEndpoint.Any);
        var (fault, latency) = Faults.Take(endpoint);
        await _work.DelayAsync(latency, TimeProvider).ConfigureAwait(false);

        var answer = FakeFaultAnswers.NotProcessed(fault, BaseAddress, request.Path) ?? fault switch
        {
            FakeFault.ServerError => FakeEngine.Error(500, FakeSunbayCodes.ServerError, "Internal server error"),
            FakeFault.BadGateway => FakeEngine.Error(502, FakeSunbayCodes.ServerError, "Bad gateway"),
            FakeFault.ServiceUnavailable => FakeEngine.Error(503, FakeSunbayCodes.ServerError, "Service unavailable"),
            FakeFault.GatewayTimeout => FakeEngine.Error(504, FakeSunbayCodes.ServerError, "Gateway timeout"),
            FakeFault.TooManyRequests => FakeEngine.Error(429, FakeSunbayCodes.RateLimited, "Too many requests") with { Headers = FakeFaultAnswers.RetryAfter(Faults.RetryAfter) },
            FakeFault.DuplicateClientRequestId => FakeEngine.Error(400, FakeSunbayCodes.DuplicateRequest, "Duplicate request: X-Client-Request-Id was already used within 10 minutes"),
            _ => FakeFaultAnswers.Spoil(_engine.Handle(endpoint, request), fault),
        };

        _journal.Add(new RecordedRequest(request.Method, FakeJournal<RecordedRequest>.PathAndQuery(request, rawQuery), request.Headers, request.Body, endpoint,
            answer.Drop ? null : answer.StatusCode, answer.Drop ? null : answer.Code, fault, received));
        return answer;
    }
}
