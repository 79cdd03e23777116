namespace Sunbay.Client.Wire;

/// <summary>The pushes that carry <c>timeExpire</c>: sale, auth, forced-auth and (unreferenced) refund.</summary>
internal interface IExpiringRequest
{
    /// <summary>The wire <c>timeExpire</c> (<c>yyyy-MM-ddTHH:mm:ss±hh:mm</c>), when sent.</summary>
    string? TimeExpire { get; }
}

internal partial class SaleRequest : IExpiringRequest;

internal partial class AuthRequest : IExpiringRequest;

internal partial class ForcedAuthRequest : IExpiringRequest;

internal partial class RefundRequest : IExpiringRequest;
