using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;
using Sunbay.Client.Wire;

namespace Sunbay.Client;

/// <summary>A forced authorisation: the cashier keys in the card number on the terminal when the card cannot be read.</summary>
public sealed record ForcedAuthRequest : CardPresentRequest
{
    internal override TransactionType Type => TransactionType.ForcedAuth;

    internal override void CheckRules() => RequestRules.PaymentMethod(PaymentMethod, CardNetworkType);

    internal override (IWireEndpoint<TransactionDispatchResponse>, IPushWire) ToWire() => (SunbayWireApi.ForcedAuth, new Wire.ForcedAuthRequest
    {
        ReferenceOrderId = ReferenceOrderId,
        Description = Description,
        Amount = TransactionMapper.ToWireAmount<AuthAmount>(Amount, Currency),
    });
}
