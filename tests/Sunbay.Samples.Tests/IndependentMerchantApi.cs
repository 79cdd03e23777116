using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sunbay.Samples.Tests;

/// <summary>
/// A minimal MerchantAPI written from CM.com's guide alone, independently of <c>openapi/cm-merchantapi.yaml</c> and of
/// the SDK's fake (it shares no code with either), on Kestrel over loopback. Where the guide allows more than the fake
/// does, it takes the other reading: transaction ids of 31 digits, answers 200 to a POST (the guide shows no status),
/// terminal ids compared without regard to case (the guide writes <c>P2lite</c> and <c>P2Lite</c>), every listing paged
/// (<c>/apikeys</c> too, with relative <c>Link</c> targets), and an approved transaction that stays AUTHORIZED (clearing
/// hours later). It can drop the answer to the first POST after acting on it: the lost answer of the guide's
/// "Disconnects during communication".
/// </summary>
internal sealed class IndependentMerchantApi : IAsyncDisposable
{
    public const string ApiKey = "independent-cm-key-4f1d2c";
    public const string TerminalId = "SUNMI-P2lite-PL0919CQ00305";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<JsonObject> _transactions = [];
    private readonly Dictionary<string, int> _reads = new(StringComparer.Ordinal);
    private long _nextId = 654987114;
    private bool _dropNextPost;

    private IndependentMerchantApi(WebApplication app) => _app = app;

    /// <summary>The address clients are configured with (<c>CmCom__BaseAddress</c>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Each request as <c>METHOD /path?query</c>, in order.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>The key overview's size: ids 1 to this (key 1 is <see cref="ApiKey"/>).</summary>
    public int KeyCount { get; set; } = 1;

    /// <summary>The transactions as created (newest last).</summary>
    public IReadOnlyList<JsonObject> Transactions
    {
        get
        {
            lock (_gate)
            {
                return [.. _transactions.Select(t => (JsonObject)t.DeepClone())];
            }
        }
    }

    public static async Task<IndependentMerchantApi> StartAsync(bool dropFirstPost = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new IndependentMerchantApi(app) { _dropNextPost = dropFirstPost };
        app.Run(api.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        lock (_gate)
        {
            Requests.Add($"{request.Method} {request.Path}{request.QueryString}");
        }

        // [guide: Failure to Authenticate] no header → 401, a wrong key → 403, as problem+json.
        if (!request.Headers.TryGetValue("API-Key", out var key))
        {
            await ProblemAsync(context, 401, "Unauthorized", "Missing API Key.");
            return;
        }

        if (key.ToString() != ApiKey)
        {
            await ProblemAsync(context, 403, "Forbidden", "Invalid API Key.");
            return;
        }

        var segments = request.Path.Value!.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        switch (segments)
        {
            case ["apikeys"] when HttpMethods.IsGet(request.Method):
                await PageAsync(context, [.. Enumerable.Range(1, KeyCount).Select(i => new JsonObject { ["id"] = i, ["label"] = $"key {i}" })]);
                return;
            case ["terminals", var terminal, "transactions"] when IsOurs(terminal) && HttpMethods.IsGet(request.Method):
                await PageAsync(context, [.. Snapshot().AsEnumerable().Reverse()]);
                return;
            case ["terminals", var terminal, "transactions"] when IsOurs(terminal) && HttpMethods.IsPost(request.Method):
                await CreateAsync(context, JsonNode.Parse(body)!.AsObject());
                return;
            case ["terminals", var terminal, "transactions", var id] when IsOurs(terminal) && HttpMethods.IsGet(request.Method):
                await ReadAsync(context, id);
                return;
            case ["terminals", var terminal, "transactions", var id] when IsOurs(terminal) && HttpMethods.IsDelete(request.Method):
                await CancelAsync(context, id);
                return;
            case ["terminals", var terminal, "daytotals", "today"] when IsOurs(terminal):
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("DAY TOTALS\n", context.RequestAborted);
                return;
            default:
                await ProblemAsync(context, 404, "Not Found", null);
                return;
        }
    }

    private static bool IsOurs(string terminal) => string.Equals(terminal, TerminalId, StringComparison.OrdinalIgnoreCase);

    private List<JsonObject> Snapshot()
    {
        lock (_gate)
        {
            return [.. _transactions.Select(t => (JsonObject)t.DeepClone())];
        }
    }

    private async Task CreateAsync(HttpContext context, JsonObject request)
    {
        JsonObject created;
        bool drop;
        lock (_gate)
        {
            // [guide: Transaction Response] "id": "5456485215432746823746654987115": 31 digits, as text.
            created = new JsonObject
            {
                ["type"] = (string?)request["type"] ?? "PURCHASE",
                ["id"] = string.Create(CultureInfo.InvariantCulture, $"5456485215432746823746{++_nextId:D9}"),
                ["merchant_order_reference"] = (string?)request["merchant_order_reference"],
                ["creation_datetime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["amount"] = request["amount"]!.DeepClone(),
                ["status"] = "CREATED",
            };
            if (request["reference"] is { } reference)
            {
                created["reference"] = reference.DeepClone();
            }

            _transactions.Add(created);
            drop = _dropNextPost;
            _dropNextPost = false;
        }

        if (drop)
        {
            // Acted on, and the answer never arrives.
            context.Abort();
            return;
        }

        await JsonAsync(context, 200, created.ToJsonString());
    }

    /// <summary>The terminal is quick: the second read finds the transaction processed, approved, and AUTHORIZED for hours.</summary>
    private async Task ReadAsync(HttpContext context, string id)
    {
        string? json;
        lock (_gate)
        {
            var found = _transactions.Find(t => (string?)t["id"] == id);
            if (found is not null && (string?)found["status"] == "CREATED")
            {
                var reads = _reads[id] = _reads.GetValueOrDefault(id) + 1;
                if (reads >= 2)
                {
                    found["status"] = "AUTHORIZED";
                    found["result"] = "APPROVED";
                    found["transaction_datetime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                    found["system_trace_audit_number"] = "155890";
                    found["brand"] = "V_PAY";
                    found["receipt"] = "     MERCHANT NAME      \nPAYMENT ACCEPTED    \n";
                    found["store"] = new JsonObject { ["uuid"] = "3fa85f64-5717-4562-b3fc-2c963f66afa6", ["name"] = "The configured Shopname" };
                }
            }

            json = found?.ToJsonString();
        }

        if (json is null)
        {
            await ProblemAsync(context, 404, "Not Found", $"No transaction {id}.");
            return;
        }

        await JsonAsync(context, 200, json);
    }

    private async Task CancelAsync(HttpContext context, string id)
    {
        int status;
        lock (_gate)
        {
            var found = _transactions.Find(t => (string?)t["id"] == id);
            status = found is null ? 404 : (string?)found["status"] == "CREATED" ? 204 : 409;
            if (status == 204)
            {
                found!["status"] = "CANCELLED";
            }
        }

        if (status == 204)
        {
            context.Response.StatusCode = 204;
            return;
        }

        await ProblemAsync(context, status, status == 404 ? "Not Found" : "Conflict", null);
    }

    /// <summary>[guide: Pagination] page (from 1, default 1), size (default 10, at most 100), X-Total-Count, Link with relative targets.</summary>
    private static async Task PageAsync(HttpContext context, List<JsonObject> all)
    {
        var query = context.Request.Query;
        var page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var p) ? p : 1;
        var size = int.TryParse(query["size"], CultureInfo.InvariantCulture, out var s) ? s : 10;
        if (page < 1 || size is < 1 or > 100)
        {
            await ProblemAsync(context, 400, "Bad Request", "page from 1, size 1 to 100.");
            return;
        }

        var last = Math.Max(1, (all.Count + size - 1) / size);
        var links = new List<string>();
        if (size <= all.Count)
        {
            var path = context.Request.Path.Value!.TrimStart('/');
            if (page > 1)
            {
                links.Add($"<{path}?size={size}&page={page - 1}>; rel=\"prev\"");
            }

            if (page < last)
            {
                links.Add($"<{path}?size={size}&page={page + 1}>; rel=\"next\"");
            }

            links.Add($"<{path}?size={size}&page=1>; rel=\"first\"");
            links.Add($"<{path}?size={size}&page={last}>; rel=\"last\"");
        }

        context.Response.Headers["X-Total-Count"] = all.Count.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["Link"] = string.Join(",", links);
        await JsonAsync(context, 200, new JsonArray([.. all.Skip((page - 1) * size).Take(size).Select(i => i.DeepClone())]).ToJsonString());
    }

    private static Task JsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    private static Task ProblemAsync(HttpContext context, int status, string title, string? detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(new JsonObject { ["status"] = status, ["title"] = title, ["detail"] = detail, ["instance"] = context.Request.Path.Value }.ToJsonString(), context.RequestAborted);
    }
}
