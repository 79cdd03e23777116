namespace Sunbay.Client;

/// <summary>Base of every error raised by Sunbay.Client. Messages never contain API keys, webhook secrets or card numbers.</summary>
public abstract class SunbayException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and, where possible, what to do about it.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected SunbayException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
