namespace Sunbay.Client;

/// <summary>The merchant's profile at SUNBAY.</summary>
public sealed class Merchant
{
    /// <summary>SUNBAY merchant ID.</summary>
    public string? MerchantId { get; init; }

    /// <summary>Trading name.</summary>
    public string? DbaName { get; init; }

    /// <summary>Merchant category code.</summary>
    public string? Mcc { get; init; }

    /// <summary>ISO 3166-1 alpha-3 country.</summary>
    public string? Country { get; init; }

    /// <summary>State.</summary>
    public string? State { get; init; }

    /// <summary>City.</summary>
    public string? City { get; init; }

    /// <summary>Street.</summary>
    public string? Street { get; init; }

    /// <summary>Address detail.</summary>
    public string? AddressDetail { get; init; }

    /// <summary>Postal code.</summary>
    public string? ZipCode { get; init; }

    /// <summary>Whether the merchant is active (<c>status</c> Y).</summary>
    public bool IsActive { get; init; }

    /// <summary>When the merchant was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The processor merchant IDs by channel.</summary>
    public IReadOnlyList<ChannelId> Mids { get; init; } = [];
}
