namespace Sunbay.Client;

/// <summary>Where the cardholder signs.</summary>
public enum SignatureEntryLocation
{
    /// <summary>On the terminal's screen.</summary>
    OnScreen = 0,

    /// <summary>On the printed receipt.</summary>
    OnReceipt = 1,

    /// <summary>No signature.</summary>
    None = 2,
}
