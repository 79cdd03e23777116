using System.Net;
using System.Text;

namespace Sunbay.Client.Tests.Support;

/// <summary>A primary HTTP handler that records each request (with its body) and answers from a script.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();
    private Func<HttpRequestMessage, HttpResponseMessage>? _fallback;

    public List<RecordedCall> Calls { get; } = [];

    public StubHandler Then(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        _script.Enqueue(respond);
        return this;
    }

    public StubHandler ThenJson(string json, HttpStatusCode status = HttpStatusCode.OK) => Then(_ => Json(json, status));

    public StubHandler ThenThrow(Exception exception) => Then(_ => throw exception);

    public StubHandler Always(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        _fallback = respond;
        return this;
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static string Envelope(string dataJson, string code = "0", string msg = "Success") =>
        $$"""{"code":"{{code}}","msg":"{{msg}}","traceId":"trace-{{Guid.NewGuid():N}}","data":{{dataJson}}}""";

    public static string Dispatch(string transactionRequestId, string status = "P") =>
        Envelope($$"""{"transactionId":"7225836252468027","transactionStatus":"{{status}}","referenceOrderId":"ORDER-0001","transactionRequestId":"{{transactionRequestId}}"}""");

    public static string Query(string transactionRequestId, string status, string? resultCode = "000", long amount = 1000) =>
        Envelope($$"""{"transactionId":"7225836252468027","transactionRequestId":"{{transactionRequestId}}","transactionStatus":"{{status}}","transactionType":"SALE","amount":{"priceCurrency":"USD","transAmount":{{amount}},"orderAmount":{{amount}}},"maskedPan":"411111****1111","authCode":"A1B2C3","transactionResultCode":"{{resultCode}}","transactionResultMsg":"Approved","terminalSn":"T1","createTime":"2026-11-23T10:00:00+00:00"}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Calls.Add(new RecordedCall(request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value)), request.Content?.Headers.ContentType?.ToString(), body));
        var respond = _script.Count > 0 ? _script.Dequeue() : _fallback ?? throw new InvalidOperationException($"No scripted answer for {request.Method} {request.RequestUri}");
        var response = respond(request);
        response.RequestMessage = request;
        return response;
    }

    internal sealed record RecordedCall(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string? Body);
}
