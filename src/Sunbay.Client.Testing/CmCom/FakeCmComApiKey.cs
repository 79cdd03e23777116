namespace Sunbay.Client.Testing;

/// <summary>
/// An API key of a <see cref="FakeCmComHost"/>: its overview entry (id, label, last usage, validity) and, for tests,
/// its <see cref="Secret"/>, which <see cref="ToString"/> never shows.
/// </summary>
public sealed class FakeCmComApiKey
{
    internal FakeCmComApiKey(long id, string label, string secret, DateTimeOffset? validFrom, DateTimeOffset? validUntil)
    {
        Id = id;
        Label = label;
        Secret = secret;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
    }

    /// <summary>The key's <c>id</c>.</summary>
    public long Id { get; }

    /// <summary>The key's <c>label</c>.</summary>
    public string Label { get; }

    /// <summary>The key itself, the value of the <c>API-Key</c> header. CM.com shows it once, in the create answer.</summary>
    public string Secret { get; }

    /// <summary>The start of the key's validity (inclusive, host clock); null: valid from its creation.</summary>
    public DateTimeOffset? ValidFrom { get; }

    /// <summary>The end of the key's validity (exclusive, host clock); null: it never expires.</summary>
    public DateTimeOffset? ValidUntil { get; }

    /// <summary>When the key last authenticated a request (host clock); null if never.</summary>
    public DateTimeOffset? LastUsage { get; internal set; }

    /// <summary>Whether the key was revoked (it is then refused and no longer listed).</summary>
    public bool IsRevoked { get; internal set; }

    /// <summary>Whether the key authenticates a request at <paramref name="now"/>: not revoked and within its validity.</summary>
    /// <param name="now">The host's time.</param>
    public bool IsValidAt(DateTimeOffset now) => !IsRevoked && (ValidFrom is not { } from || now >= from) && (ValidUntil is not { } until || now < until);

    /// <inheritdoc/>
    public override string ToString() => $"API key {Id} '{Label}'{(IsRevoked ? " (revoked)" : string.Empty)}";
}
