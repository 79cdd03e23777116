using Sunbay.Client.CmCom.Transactions;
using Sunbay.Client.CmCom.Validation;
using Sunbay.Client.CmCom.Wire;

namespace Sunbay.Client.CmCom;

/// <summary>A key to create: a label, and optionally when it is valid (without a validity the key never expires).</summary>
public sealed record CmComApiKeyRequest
{
    /// <summary>The key's label, required, 1 to 100 characters, e.g. <c>2022 2nd half</c>.</summary>
    public required string Label { get; init; }

    /// <summary>From when the key is valid (inclusive, to the second); <see langword="null"/> for at once.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>Until when the key is valid (exclusive, to the second), after <see cref="ValidFrom"/>; <see langword="null"/> for never.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>The wire body, after the spec's rules and <c>from</c> before <c>until</c> were checked.</summary>
    internal ApiKeyRequest ToWire()
    {
        CmComRules.Validity(ValidFrom, ValidUntil);
        var wire = new ApiKeyRequest
        {
            Label = Label,
            Validity = ValidFrom is null && ValidUntil is null
                ? null
                : new ApiKeyValidity { From = CmComMapper.TextOf(ValidFrom), Until = CmComMapper.TextOf(ValidUntil) },
        };
        CmComRules.Body(wire);
        return wire;
    }
}
