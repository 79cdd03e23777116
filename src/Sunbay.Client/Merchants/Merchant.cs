namespace Sunbay.Client;

/// <summary>The merchant's profile at SUNBAY.</summary>
public sealed class Merchant
{
    /// <summary>Built by the client from SUNBAY's answers; in tests, use <see cref="SunbayModelFactory.Merchant"/>.</summary>
    internal Merchant()
    {
    }

    /// <summary>SUNBAY merchant ID.</summary>
    public string? MerchantId { get; internal init; }

    /// <summary>Trading name.</summary>
    public string? DbaName { get; internal init; }

    /// <summary>Merchant category code.</summary>
    public string? Mcc { get; internal init; }

    /// <summary>ISO 3166-1 alpha-3 country.</summary>
    public string? Country { get; internal init; }

    /// <summary>State.</summary>
    public string? State { get; internal init; }

    /// <summary>City.</summary>
    public string? City { get; internal init; }

    /// <summary>Street.</summary>
    public string? Street { get; internal init; }

    /// <summary>Address detail.</summary>
    public string? AddressDetail { get; internal init; }

    /// <summary>Postal code.</summary>
    public string? ZipCode { get; internal init; }

    /// <summary>Whether the merchant is active (<c>status</c> Y).</summary>
    public bool IsActive { get; internal init; }

    /// <summary>When the merchant was created.</summary>
    public DateTimeOffset? CreatedAt { get; internal init; }

    /// <summary>The processor merchant IDs by channel.</summary>
    public IReadOnlyList<ChannelId> Mids { get; internal init; } = [];
}
