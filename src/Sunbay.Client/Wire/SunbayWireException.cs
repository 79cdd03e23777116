namespace Sunbay.Client.Wire;

/// <summary>
/// Raised by the generated client for an unexpected HTTP status or an unreadable body. Internal: the facade turns it
/// into <see cref="SunbayApiException"/> or <see cref="SunbayTransportException"/>.
/// </summary>
internal sealed class SunbayWireException : Exception
{
    public SunbayWireException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers;
    }

    public int StatusCode { get; }

    public string? Response { get; }

    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
}
