namespace Sunbay.Client;

/// <summary>What every request can carry: the account it runs under, for ISVs that serve several merchants with one client.</summary>
public abstract record SunbayRequest
{
    /// <summary>Application ID for this request only; default <see cref="SunbayClientOptions.AppId"/>.</summary>
    public string? AppId { get; init; }

    /// <summary>Merchant ID for this request only; default <see cref="SunbayClientOptions.MerchantId"/>.</summary>
    public string? MerchantId { get; init; }
}
