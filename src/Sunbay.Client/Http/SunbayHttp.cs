namespace Sunbay.Client.Http;

/// <summary>Settings of the HTTP layer shared by the dependency-injection and the plain construction paths.</summary>
internal static class SunbayHttp
{
    /// <summary><c>application/json</c>, exactly (no charset): shared, never mutated.</summary>
    public static System.Net.Http.Headers.MediaTypeHeaderValue JsonContentType { get; } = new("application/json");

    /// <summary>Pooled connections that are renewed every few minutes, so DNS changes are seen.</summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(30),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };

    /// <summary>Base address and no HttpClient timeout: the resilience pipeline owns time limits per method.</summary>
    public static HttpClient Configure(HttpClient client, SunbayClientOptions options)
    {
        // Paths are relative ("v1/..."): a base address with a path must end with '/' or its last segment is dropped.
        var address = options.ResolveBaseAddress();
        client.BaseAddress = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }
}
