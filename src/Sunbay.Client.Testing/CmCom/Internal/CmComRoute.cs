namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// Where a request goes in the fake CM.com API: the endpoint and its path values, or, for a known path with another
/// method, the methods it allows (405).
/// </summary>
/// <param name="Endpoint">The endpoint; <see cref="FakeEndpoint.Any"/> when nothing matches.</param>
/// <param name="TerminalId">The <c>{terminalId}</c> of a terminal path.</param>
/// <param name="ItemId">The <c>{transactionId}</c> or the API key's <c>{id}</c>.</param>
/// <param name="Allow">For a known path asked with another method: its methods; otherwise null.</param>
internal readonly record struct CmComRoute(FakeEndpoint Endpoint, string? TerminalId = null, string? ItemId = null, string? Allow = null)
{
    public static CmComRoute Match(string method, string path)
    {
        var s = path.Trim('/').Split('/');
        return s switch
        {
            ["stores"] => Pick(method, "GET", FakeEndpoint.ListStores),
            ["terminals"] => Pick(method, "GET", FakeEndpoint.ListTerminals),
            ["terminals", var t, "transactions"] when t.Length > 0 => method switch
            {
                "GET" => new(FakeEndpoint.ListTransactions, t),
                "POST" => new(FakeEndpoint.StartTransaction, t),
                _ => new(FakeEndpoint.Any, Allow: "GET, POST"),
            },
            ["terminals", var t, "transactions", var x] when t.Length > 0 && x.Length > 0 => method switch
            {
                "GET" => new(FakeEndpoint.GetTransaction, t, x),
                "DELETE" => new(FakeEndpoint.CancelTransaction, t, x),
                _ => new(FakeEndpoint.Any, Allow: "GET, DELETE"),
            },
            ["terminals", var t, "daytotals", "today"] when t.Length > 0 => Pick(method, "GET", FakeEndpoint.DayTotals) with { TerminalId = t },
            ["apikeys"] => method switch
            {
                "GET" => new(FakeEndpoint.ListApiKeys),
                "POST" => new(FakeEndpoint.CreateApiKey),
                _ => new(FakeEndpoint.Any, Allow: "GET, POST"),
            },
            ["apikeys", var id] when id.Length > 0 => Pick(method, "DELETE", FakeEndpoint.RevokeApiKey) with { ItemId = id },
            _ => new(FakeEndpoint.Any),
        };
    }

    private static CmComRoute Pick(string method, string allowed, FakeEndpoint endpoint) =>
        method == allowed ? new(endpoint) : new(FakeEndpoint.Any, Allow: allowed);
}
