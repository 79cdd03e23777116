namespace Sunbay.Client;

/// <summary>Raises a successful pre-authorisation by <see cref="Amount"/>.</summary>
public sealed record IncrementalAuthRequest : OriginalTransactionRequest
{
    /// <summary>The increment, in minor units of <see cref="Currency"/>.</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 currency code of the pre-authorisation.</summary>
    public required string Currency { get; init; }
}
