namespace Sunbay.Client.Http;

/// <summary>
/// The API key read for a request cannot be written into its header. Raised before sending; the client turns it into
/// a transport exception whose outcome is known (nothing was sent). The message never contains the key.
/// </summary>
internal sealed class ApiKeyException : RequestNotSentException
{
    /// <param name="setting">The setting that holds the key, e.g. <c>Sunbay:ApiKey</c>.</param>
    public ApiKeyException(string setting)
        : base($"{setting} is empty or holds a character that cannot go into an HTTP header (only printable ASCII without white space is allowed; check for a trailing newline or a character copied with the key).")
    {
    }
}
