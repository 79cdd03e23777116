namespace Sunbay.Client.Http;

/// <summary>
/// An attempt was answered with a redirect (any 3xx status), or the primary handler followed one on its own. Thrown by
/// <see cref="PipelineHttp.ThrowOnRedirect"/> and turned into a transport exception by the client. Provider-neutral: every
/// provider package builds on it.
/// </summary>
/// <remarks>
/// Deliberately not an <see cref="HttpRequestException"/>: the resilience pipeline treats those as transient, and a
/// redirect must not be retried (a query would be redirected again; a payment must never be sent twice).
/// </remarks>
internal sealed class RedirectException : Exception
{
    public RedirectException(int statusCode, string target, bool followed)
        : base(Telemetry.SensitiveData.Mask(followed
            ? $"The primary HTTP handler followed a redirect to {target} (HTTP {statusCode} from there)"
            : $"HTTP {statusCode}, redirected to {target}, not followed"))
    {
        StatusCode = statusCode;
        Target = target;
        Followed = followed;
    }

    /// <summary>The message of the transport exception that reports this redirect for <paramref name="operation"/>.</summary>
    /// <param name="provider">The provider as people name it, e.g. <c>SUNBAY</c>.</param>
    /// <param name="baseAddressSetting">Where the address is set, e.g. <c>SunbayClientOptions.BaseAddress</c>.</param>
    /// <param name="operation">The operation that was redirected.</param>
    /// <param name="isPost">Whether it changes something at the provider.</param>
    public string DescribeFor(string provider, string baseAddressSetting, string operation, bool isPost) => Followed
        ? $"{provider}'s answer to {operation} was a redirect that the primary HTTP handler followed to {Target} (HTTP {StatusCode} from there); "
          + "Sunbay.Client never follows redirects: give it a handler with AllowAutoRedirect = false."
          + (isPost ? " The request may have been sent more than once." : string.Empty)
        : $"{provider} answered {operation} with HTTP {StatusCode}: redirected to {Target}, not followed."
          + (isPost
              ? $" A redirect does not say whether {provider} acted on the request before redirecting it."
              : $" Redirects are never followed or retried: check {baseAddressSetting} (scheme, host and path).");

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
