using Sunbay.Client.Telemetry;

namespace Sunbay.Client;

/// <summary>
/// Base of every error the SDK raises, whatever the provider (SUNBAY, CM.com): one <c>catch</c> for all of them. Messages
/// never contain API keys, webhook secrets or card numbers.
/// </summary>
public abstract class PaymentsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">
    /// What went wrong and, where possible, what to do about it. Card numbers, <c>Bearer</c> credentials and secret
    /// keys (<c>sk_live_…</c>, <c>sk_test_…</c>) in it are masked, whoever raises the exception.
    /// </param>
    /// <param name="innerException">The cause, if any.</param>
    protected PaymentsException(string message, Exception? innerException = null)
        : base(SensitiveData.Mask(message), innerException)
    {
    }
}
