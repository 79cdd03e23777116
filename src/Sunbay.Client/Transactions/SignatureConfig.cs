namespace Sunbay.Client;

/// <summary>Signature capture settings.</summary>
public sealed record SignatureConfig
{
    /// <summary>Use the platform's settings (SUNBAY's default: true). When false, <see cref="EntryLocation"/> is required.</summary>
    public bool? UseHostConfig { get; init; }

    /// <summary>Where the cardholder signs.</summary>
    public SignatureEntryLocation? EntryLocation { get; init; }

    /// <summary>A signature is asked for at or above this amount, in minor units.</summary>
    public long? Threshold { get; init; }
}
