using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;
using Sunbay.Client.Wire;

namespace Sunbay.Client;

/// <summary>A pre-authorisation pushed to a terminal: freezes funds (hotels, rentals) to capture later with <see cref="PostAuthRequest"/>.</summary>
public sealed record AuthRequest : CardPresentRequest
{
    /// <summary>Signature capture settings.</summary>
    public SignatureConfig? SignatureConfig { get; init; }

    internal override TransactionType Type => TransactionType.Auth;

    internal override void CheckRules()
    {
        RequestRules.PaymentMethod(PaymentMethod, CardNetworkType);
        RequestRules.Signature(SignatureConfig);
    }

    internal override (IWireEndpoint<TransactionDispatchResponse>, IPushWire) ToWire() => (SunbayWireApi.Auth, new Wire.AuthRequest
    {
        ReferenceOrderId = ReferenceOrderId,
        Description = Description,
        Amount = TransactionMapper.ToWireAmount<AuthAmount>(Amount, Currency),
        SignatureConfig = TransactionMapper.ToWire(SignatureConfig),
    });
}
