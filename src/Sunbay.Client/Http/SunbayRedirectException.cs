namespace Sunbay.Client.Http;

/// <summary>
/// An attempt was answered with a redirect (any 3xx status), or the primary handler followed one on its own. Thrown by
/// <see cref="SunbayHttp.ThrowOnRedirect"/> and turned into a <see cref="SunbayTransportException"/> by the client.
/// </summary>
/// <remarks>
/// Deliberately not an <see cref="HttpRequestException"/>: the resilience pipeline treats those as transient, and a
/// redirect must not be retried (a query would be redirected again; a payment must never be sent twice).
/// </remarks>
internal sealed class SunbayRedirectException : Exception
{
    public SunbayRedirectException(int statusCode, string target, bool followed)
        : base(Telemetry.SensitiveData.Mask(followed
            ? $"The primary HTTP handler followed a redirect to {target} (HTTP {statusCode} from there)"
            : $"HTTP {statusCode}, redirected to {target}, not followed"))
    {
        StatusCode = statusCode;
        Target = target;
        Followed = followed;
    }

    /// <summary>The message of the <see cref="SunbayTransportException"/> that reports this redirect for <paramref name="operation"/>.</summary>
    public string DescribeFor(string operation, bool isPost) => Followed
        ? $"SUNBAY's answer to {operation} was a redirect that the primary HTTP handler followed to {Target} (HTTP {StatusCode} from there); "
          + "Sunbay.Client never follows redirects: give it a handler with AllowAutoRedirect = false."
          + (isPost ? " The request may have been sent more than once." : string.Empty)
        : $"SUNBAY answered {operation} with HTTP {StatusCode}: redirected to {Target}, not followed."
          + (isPost
              ? " A redirect does not say whether SUNBAY acted on the request before redirecting it."
              : " Redirects are never followed or retried: check SunbayClientOptions.BaseAddress (scheme, host and path).");

    /// <summary>The 3xx status; when <see cref="Followed"/>, the status of the answer from where the redirect led.</summary>
    public int StatusCode { get; }

    /// <summary>Where the redirect points: scheme, host, port and path only (no query, no user info).</summary>
    public string Target { get; }

    /// <summary>
    /// <see langword="true"/> when a handler that follows redirects (one supplied by the application that the SDK could
    /// not reconfigure) already sent the request again: the SDK can only report it.
    /// </summary>
    public bool Followed { get; }
}
