namespace Sunbay.Client;

/// <summary>
/// The client's settings are invalid at the time of a call, typically after a configuration reload (for example a key
/// rotated to a value that cannot be sent). Raised before anything is sent; the message names each failing setting and
/// never shows a secret. A wait in progress survives it and goes on polling until the settings are valid again.
/// </summary>
public sealed class PaymentsConfigurationException : PaymentsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failures">One sentence per failing setting, naming it.</param>
    /// <param name="innerException">The validation failure reported by the options system, if any.</param>
    public PaymentsConfigurationException(IReadOnlyList<string> failures, Exception? innerException = null)
        : base($"Invalid client settings: {string.Join(" ", failures ?? [])} Nothing was sent.", innerException)
    {
        Failures = failures ?? [];
    }

    /// <summary>One sentence per failing setting, naming it.</summary>
    public IReadOnlyList<string> Failures { get; }
}
