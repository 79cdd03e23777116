namespace Sunbay.Client.Http;

/// <summary>
/// An attempt that failed while its request was being prepared, before anything was sent (a key that cannot go into a
/// header, a provider dialect that failed to authenticate the request): the client turns it into a transport exception
/// whose outcome is known, since nothing reached the provider.
/// </summary>
internal class RequestNotSentException : Exception
{
    /// <param name="message">What went wrong; never holds a secret (nor an inner exception that could).</param>
    public RequestNotSentException(string message)
        : base(message)
    {
    }
}
