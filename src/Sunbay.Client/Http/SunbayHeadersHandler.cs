using System.Globalization;
using Microsoft.Extensions.Options;

namespace Sunbay.Client.Http;

/// <summary>
/// The innermost handler, run once per attempt: a fresh <c>X-Client-Request-Id</c>, a 13-digit <c>X-Timestamp</c> from the
/// <see cref="TimeProvider"/>, <c>Content-Type: application/json</c> exactly (the sandbox rejects a charset), the
/// <c>User-Agent</c>, and then the <see cref="ISunbayRequestSigner"/>. The one place where a request is authenticated.
/// </summary>
internal sealed class SunbayHeadersHandler : DelegatingHandler
{
    private readonly IOptionsMonitor<SunbayClientOptions> _options;
    private readonly string _name;
    private readonly TimeProvider _time;
    private readonly ISunbayRequestSigner _signer;
    private readonly ServerClock _serverClock;

    public SunbayHeadersHandler(IOptionsMonitor<SunbayClientOptions> options, string name, TimeProvider time, ISunbayRequestSigner signer, ServerClock serverClock)
    {
        _serverClock = serverClock;
        _options = options;
        _name = name;
        _time = time;
        _signer = signer;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers;
        headers.Remove(SunbayHeaders.ClientRequestId);
        headers.TryAddWithoutValidation(SunbayHeaders.ClientRequestId, Guid.NewGuid().ToString("D"));
        headers.Remove(SunbayHeaders.Timestamp);
        headers.TryAddWithoutValidation(SunbayHeaders.Timestamp, _time.GetUtcNow().ToUnixTimeMilliseconds().ToString("D13", CultureInfo.InvariantCulture));
        if (!headers.NonValidated.Contains("User-Agent"))
        {
            // A prebuilt string: reading the typed UserAgent collection would allocate it on every request.
            headers.TryAddWithoutValidation("User-Agent", SunbayUserAgent.HeaderValue);
        }

        if (request.Content is { } content)
        {
            content.Headers.ContentType = SunbayHttp.JsonContentType;
        }

        await _signer.SignAsync(request, _options.Get(_name), cancellationToken).ConfigureAwait(false);
        var call = Telemetry.SunbayCallState.Current;
        call?.AttemptStarted();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        call?.StatusCode = (int)response.StatusCode;
        if (TryReadDate(response) is { } serverDate)
        {
            _serverClock.Observe(serverDate, _time.GetUtcNow());
        }

        return response;
    }

    /// <summary>The <c>Date</c> header (RFC 1123), read without the typed header store (which boxes a parsed value per response).</summary>
    private static DateTimeOffset? TryReadDate(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Date", out var values)
        && values.Count == 1
        && DateTimeOffset.TryParseExact(values.ToString(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : response.Headers.Date; // anything unusual: the framework's lenient parser
}
