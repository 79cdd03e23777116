using Sunbay.Client.Testing.Internal;

namespace Sunbay.Client.Testing;

// How a request is answered, whichever transport brought it: the route, an injected fault, the engine, the journal.
public sealed partial class FakeCmComHost
{
    /// <summary>
    /// Answers one request, whichever transport brought it: faults, the engine, the journal. An answer with
    /// <see cref="FakeAnswer.Drop"/> tells the transport to close the connection without answering.
    /// </summary>
    internal Task<FakeAnswer> HandleAsync(IncomingRequest request, string rawQuery) => _work.RunAsync(() => AnswerAsync(request, rawQuery));

    private async Task<FakeAnswer> AnswerAsync(IncomingRequest request, string rawQuery)
    {
        var received = TimeProvider.GetUtcNow();
        var route = CmComRoute.Match(request.Method, request.Path);
        var (fault, latency) = Faults.Take(route.Endpoint);
        await _work.DelayAsync(latency, TimeProvider).ConfigureAwait(false);

        var answer = FakeFaultAnswers.NotProcessed(fault, BaseAddress, request.Path) ?? fault switch
        {
            FakeFault.ServerError => CmComProblem.Answer(500, "Internal server error.", request.Path),
            FakeFault.BadGateway => CmComProblem.Answer(502, "Bad gateway.", request.Path),
            FakeFault.ServiceUnavailable => CmComProblem.Answer(503, "Service unavailable.", request.Path),
            FakeFault.GatewayTimeout => CmComProblem.Answer(504, "Gateway timeout.", request.Path),
            FakeFault.Conflict => CmComProblem.Answer(409, "The transaction can no longer be cancelled: a card was presented.", request.Path),
            FakeFault.TooManyRequests => CmComProblem.Answer(429, "Too many requests.", request.Path) with { Headers = FakeFaultAnswers.RetryAfter(Faults.RetryAfter) },
            _ => FakeFaultAnswers.Spoil(_engine.Handle(route, request), fault),
        };

        _journal.Add(new FakeCmComRecordedRequest(request.Method, FakeJournal<FakeCmComRecordedRequest>.PathAndQuery(request, rawQuery), request.Headers,
            request.Body, route.Endpoint, answer.Drop ? null : answer.StatusCode, fault, received));
        return answer;
    }
}
