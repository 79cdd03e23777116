namespace Sunbay.Client.Http;

/// <summary>Names of SUNBAY's HTTP headers, the same on API requests and on webhook deliveries.</summary>
internal static class SunbayHeaders
{
    public const string ClientRequestId = "X-Client-Request-Id";
    public const string Timestamp = "X-Timestamp";
    public const string Signature = "X-Signature";
}
