namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// Where a request goes in the fake CM.com API: the endpoint and its path values, or, for a known path with another
/// method, the methods it allows (405).
/// </summary>
/// <param name="Endpoint">The endpoint; <see cref="FakeCmComEndpoint.Any"/> when nothing matches.</param>
/// <param name="TerminalId">The <c>{terminalId}</c> of a terminal path.</param>
/// <param name="ItemId">The <c>{transactionId}</c> or the API key's <c>{id}</c>.</param>
/// <param name="Allow">For a known path asked with another method: its methods; otherwise null.</param>
internal readonly record struct CmComRoute(FakeCmComEndpoint Endpoint, string? TerminalId = null, string? ItemId = null, string? Allow = null)
{
    public static CmComRoute Match(string method, string path)
    {
        var s = path.Trim('/').Split('/');
        return s switch
        {
            ["stores"] => Pick(method, "GET", FakeCmComEndpoint.ListStores),
            ["terminals"] => Pick(method, "GET", FakeCmComEndpoint.ListTerminals),
            ["terminals", var t, "transactions"] when t.Length > 0 => method switch
            {
                "GET" => new(FakeCmComEndpoint.ListTransactions, t),
                "POST" => new(FakeCmComEndpoint.StartTransaction, t),
                _ => new(FakeCmComEndpoint.Any, Allow: "GET, POST"),
            },
            ["terminals", var t, "transactions", var x] when t.Length > 0 && x.Length > 0 => method switch
            {
                "GET" => new(FakeCmComEndpoint.GetTransaction, t, x),
                "DELETE" => new(FakeCmComEndpoint.CancelTransaction, t, x),
                _ => new(FakeCmComEndpoint.Any, Allow: "GET, DELETE"),
            },
            ["terminals", var t, "daytotals", "today"] when t.Length > 0 => Pick(method, "GET", FakeCmComEndpoint.DayTotals) with { TerminalId = t },
            ["apikeys"] => method switch
            {
                "GET" => new(FakeCmComEndpoint.ListApiKeys),
                "POST" => new(FakeCmComEndpoint.CreateApiKey),
                _ => new(FakeCmComEndpoint.Any, Allow: "GET, POST"),
            },
            ["apikeys", var id] when id.Length > 0 => Pick(method, "DELETE", FakeCmComEndpoint.RevokeApiKey) with { ItemId = id },
            _ => new(FakeCmComEndpoint.Any),
        };
    }

    private static CmComRoute Pick(string method, string allowed, FakeCmComEndpoint endpoint) =>
        method == allowed ? new(endpoint) : new(FakeCmComEndpoint.Any, Allow: allowed);
}
