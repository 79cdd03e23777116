namespace Sunbay.Client.Http;

/// <summary>
/// The API key read for a request (<see cref="SunbayClientOptions.ApiKey"/>) cannot be written into the
/// <c>Authorization</c> header. Raised before sending; the client turns it into a <see cref="SunbayTransportException"/>
/// whose outcome is known (nothing was sent). The message never contains the key.
/// </summary>
internal sealed class SunbayApiKeyException : Exception
{
    public SunbayApiKeyException()
        : base("Sunbay:ApiKey is empty or holds a character that cannot go into an HTTP header (only printable ASCII without white space is allowed; check for a trailing newline or a character copied with the key).")
    {
    }
}
