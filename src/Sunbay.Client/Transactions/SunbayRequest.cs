using System.Text;
using Sunbay.Client.Telemetry;

namespace Sunbay.Client;

/// <summary>What every request can carry: the account it runs under, for ISVs that serve several merchants with one client.</summary>
public abstract record SunbayRequest
{
    /// <summary>
    /// Every member, as records print them, with any card number in free text masked (first 6 and last 4 digits kept), and
    /// any <c>Bearer</c> credential or SUNBAY secret key too.
    /// </summary>
    public sealed override string ToString()
    {
        var text = new StringBuilder(GetType().Name).Append(" { ");
        if (PrintMembers(text))
        {
            text.Append(' ');
        }

        return SensitiveData.Mask(text.Append('}').ToString());
    }

    /// <summary>Application ID for this request only; <see langword="null"/> for <see cref="SunbayClientOptions.AppId"/>. Blank is an error, never the default.</summary>
    public string? AppId { get; init; }

    /// <summary>Merchant ID for this request only; <see langword="null"/> for <see cref="SunbayClientOptions.MerchantId"/>. Blank is an error, never the default.</summary>
    public string? MerchantId { get; init; }
}
