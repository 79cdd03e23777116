using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Sunbay.Client.CmCom.Tests.Support;

/// <summary>
/// An in-memory CM.com MerchantAPI for the client's tests: the primary HTTP handler of a real <see cref="CmComClient"/>.
/// It records every request, answers scripted answers first (faults, odd bodies), and otherwise simulates the guide's
/// rules: the <c>API-Key</c> header (none → 401, wrong → 403, as problem+json), transactions per terminal (POST → CREATED,
/// GET, DELETE → 204 while CREATED else 409), paged lists with <c>Link</c> and <c>X-Total-Count</c>, day totals, and API
/// keys. Tests move a transaction on with <see cref="Set"/>.
/// </summary>
internal sealed partial class MerchantApiStub : HttpMessageHandler
{
    public const string Host = "https://merchantapi.test/";
    public const string Terminal = "SUNMI-P2lite-PL0919CQ00305";

    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();
    private readonly object _gate = new();
    private long _nextTransaction = 654987115;

    public MerchantApiStub(string key = TestClients.Key) => Keys[1] = key;

    /// <summary>The clock each request's time is read from (<see cref="Recorded.At"/>).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Every request, in order.</summary>
    public List<Recorded> Requests { get; } = [];

    /// <summary>The valid API keys by id.</summary>
    public SortedDictionary<long, string> Keys { get; } = [];

    /// <summary>Each terminal's transactions, newest first (the fake's order).</summary>
    public Dictionary<string, List<JsonObject>> Transactions { get; } = new(StringComparer.Ordinal) { [Terminal] = [] };

    public MerchantApiStub Then(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        lock (_gate)
        {
            _script.Enqueue(answer);
        }

        return this;
    }

    public MerchantApiStub ThenStatus(HttpStatusCode status, string? body = null) => Then(_ => Answer(status, body));

    public MerchantApiStub ThenThrow(Exception exception) => Then(_ => throw exception);

    /// <summary>Moves a transaction on, as the terminal would: its status, and once processed its result and details.</summary>
    public JsonObject Set(string id, string status, string? result = null, string? receipt = null)
    {
        lock (_gate)
        {
            var transaction = Transactions.Values.SelectMany(t => t).Single(t => (string?)t["id"] == id);
            transaction["status"] = status;
            if (result is not null)
            {
                transaction["result"] = result;
                transaction["transaction_datetime"] = "2022-01-18T14:30:21.000Z";
                transaction["system_trace_audit_number"] = "155890";
                transaction["brand"] = "V_PAY";
                transaction["receipt"] = receipt ?? "   CARDHOLDER RECEIPT\nVPAY ****1234\n";
                transaction["store"] = new JsonObject { ["uuid"] = "0d3f2b8e", ["name"] = "Main street" };
            }

            return transaction;
        }
    }

    /// <summary>Adds a transaction as if an earlier request had created it; returns its id.</summary>
    public string Add(string reference, decimal amount = 10m, string status = "CREATED", string type = "PURCHASE", string terminal = Terminal, string created = "2022-01-18T14:30:05.619Z")
    {
        string id;
        lock (_gate)
        {
            // The guide's shape of an id: 31 digits (5456485215432746823746654987115), too long for any integer type.
            id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"5456485215432746823746{++_nextTransaction:D9}");
            if (!Transactions.TryGetValue(terminal, out var list))
            {
                Transactions[terminal] = list = [];
            }

            list.Insert(0, new JsonObject
            {
                ["type"] = type,
                ["id"] = id,
                ["merchant_order_reference"] = reference,
                ["creation_datetime"] = created,
                ["amount"] = new JsonObject { ["value"] = amount, ["currency"] = "EUR" },
                ["status"] = status,
            });
        }

        return id;
    }

    public int Count(HttpMethod method, string pathStart) =>
        Requests.Count(r => r.Method == method && r.Uri.AbsolutePath.StartsWith(pathStart, StringComparison.Ordinal));

    public static HttpResponseMessage Answer(HttpStatusCode status, string? json = null, string mediaType = "application/json") =>
        new(status) { Content = json is null ? new ByteArrayContent([]) : new StringContent(json, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage Problem(HttpStatusCode status, string title, string? detail, string instance) =>
        Answer(status, new JsonObject { ["status"] = (int)status, ["title"] = title, ["detail"] = detail, ["instance"] = instance }.ToJsonString(), "application/problem+json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Func<HttpRequestMessage, HttpResponseMessage>? scripted;
        lock (_gate)
        {
            Requests.Add(new Recorded(request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body, Clock.GetUtcNow()));
            scripted = _script.Count > 0 ? _script.Dequeue() : null;
        }

        var response = scripted?.Invoke(request) ?? Simulate(request, body);
        response.RequestMessage ??= request;
        return response;
    }

    private HttpResponseMessage Simulate(HttpRequestMessage request, string? body)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (!request.Headers.TryGetValues("API-Key", out var sent))
        {
            return Problem(HttpStatusCode.Unauthorized, "Unauthorized", "Missing API Key.", path);
        }

        lock (_gate)
        {
            var key = sent.Single();
            if (!Keys.ContainsValue(key))
            {
                return Problem(HttpStatusCode.Forbidden, "Forbidden", "Invalid API Key.", path);
            }

            var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
            return segments switch
            {
                ["stores"] => Page(request, Enumerable.Range(1, Stores).Select(i => new JsonObject { ["uuid"] = $"store-{i}", ["name"] = $"Store {i}" }).ToList()),
                ["terminals"] => Page(request, [.. Transactions.Keys.Select(TerminalJson)]),
                ["terminals", var terminal, "transactions"] when request.Method == HttpMethod.Get => Page(request, ListOf(terminal)),
                ["terminals", var terminal, "transactions"] => Create(terminal, body!),
                ["terminals", var terminal, "transactions", var id] => request.Method == HttpMethod.Delete ? Cancel(terminal, id, path) : Read(terminal, id, path),
                ["terminals", _, "daytotals", "today"] => Answer(HttpStatusCode.OK, """{"receipt":"DAY TOTALS\nEUR 10.00\n"}"""),
                ["apikeys"] when request.Method == HttpMethod.Get => ListKeys(request),
                ["apikeys"] => CreateKey(body!),
                ["apikeys", var id] => RevokeKey(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), key, path),
                _ => Problem(HttpStatusCode.NotFound, "Not Found", null, path),
            };
        }
    }

    internal sealed record Recorded(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body, DateTimeOffset At);
}
