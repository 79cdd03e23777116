using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Sunbay.Client.CmCom.Tests.Support;

/// <summary>The stub's resources: transactions, paged lists and API keys (called under the stub's lock).</summary>
internal sealed partial class MerchantApiStub
{
    private long _nextKeyId = 854844465;

    /// <summary>How many stores <c>GET /stores</c> lists.</summary>
    public int Stores { get; set; } = 3;

    /// <summary>Writes the <c>Link</c> header's next target relative to the request (<c>?page=2&amp;size=…</c>) instead of absolute.</summary>
    public bool RelativeLinks { get; set; }

    private static JsonObject TerminalJson(string id)
    {
        var parts = id.Split('-');
        return new JsonObject { ["manufacturer"] = parts[0], ["model"] = parts[1], ["serial"] = parts[2], ["store"] = new JsonObject { ["uuid"] = "store-1", ["name"] = "Store 1" } };
    }

    private List<JsonObject> ListOf(string terminal) => Transactions.TryGetValue(terminal, out var list) ? list : [];

    private HttpResponseMessage Create(string terminal, string body)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        Add((string)request["merchant_order_reference"]!, (decimal)request["amount"]!["value"]!, type: (string?)request["type"] ?? "PURCHASE", terminal: terminal, created: DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        var created = ListOf(terminal)[0];
        created["amount"]!["currency"] = (string)request["amount"]!["currency"]!;
        if (request["reference"] is { } reference)
        {
            created["reference"] = reference.DeepClone();
        }

        return Answer(HttpStatusCode.Created, created.ToJsonString());
    }

    private HttpResponseMessage Read(string terminal, string id, string path) =>
        ListOf(terminal).FirstOrDefault(t => (string?)t["id"] == id) is { } found
            ? Answer(HttpStatusCode.OK, found.ToJsonString())
            : Problem(HttpStatusCode.NotFound, "Not Found", $"No transaction {id}.", path);

    private HttpResponseMessage Cancel(string terminal, string id, string path)
    {
        if (ListOf(terminal).FirstOrDefault(t => (string?)t["id"] == id) is not { } found)
        {
            return Problem(HttpStatusCode.NotFound, "Not Found", $"No transaction {id}.", path);
        }

        if ((string?)found["status"] != "CREATED")
        {
            return Problem(HttpStatusCode.Conflict, "Conflict", "A card was presented.", path);
        }

        found["status"] = "CANCELLED";
        return Answer(HttpStatusCode.NoContent);
    }

    /// <summary>One page (<c>page</c> from 1, <c>size</c> default 10) with <c>X-Total-Count</c> and RFC 8288 links.</summary>
    private HttpResponseMessage Page(HttpRequestMessage request, List<JsonObject> all)
    {
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var page = int.Parse(query["page"] ?? "1", CultureInfo.InvariantCulture);
        var size = int.Parse(query["size"] ?? "10", CultureInfo.InvariantCulture);
        var items = new JsonArray([.. all.Skip((page - 1) * size).Take(size).Select(i => i.DeepClone())]);
        var response = Answer(HttpStatusCode.OK, items.ToJsonString());
        response.Headers.TryAddWithoutValidation("X-Total-Count", all.Count.ToString(CultureInfo.InvariantCulture));
        var last = Math.Max(1, (all.Count + size - 1) / size);
        var links = new List<string>();
        if (all.Count > size)
        {
            string Link(int p, string rel) => $"<{(RelativeLinks ? string.Empty : request.RequestUri.GetLeftPart(UriPartial.Path))}?page={p}&size={size}>; rel=\"{rel}\"";
            if (page > 1)
            {
                links.Add(Link(page - 1, "prev"));
            }

            if (page < last)
            {
                links.Add(Link(page + 1, "next"));
            }

            links.Add(Link(1, "first"));
            links.Add(Link(last, "last"));
        }

        response.Headers.TryAddWithoutValidation("Link", string.Join(", ", links));
        return response;
    }

    /// <summary>The overview, paged like every listing (the guide: "All endpoints, which return a listing, allow pagination").</summary>
    private HttpResponseMessage ListKeys(HttpRequestMessage request) =>
        Page(request, [.. Keys.Keys.Select(id => new JsonObject { ["id"] = id, ["label"] = $"key {id}" })]);

    private HttpResponseMessage CreateKey(string body)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        var id = _nextKeyId++;
        var key = Guid.NewGuid().ToString("D");
        Keys[id] = key;
        return Answer(HttpStatusCode.Created, new JsonObject { ["id"] = id, ["label"] = (string?)request["label"], ["apikey"] = key }.ToJsonString());
    }

    private HttpResponseMessage RevokeKey(long id, string usedKey, string path)
    {
        if (!Keys.TryGetValue(id, out var key))
        {
            return Problem(HttpStatusCode.NotFound, "Not Found", $"No API key {id}.", path);
        }

        if (key == usedKey || Keys.Count == 1)
        {
            return Problem(HttpStatusCode.Conflict, "Conflict", "Cannot revoke the last key or the key in use.", path);
        }

        Keys.Remove(id);
        return Answer(HttpStatusCode.NoContent);
    }
}
