namespace Sunbay.Client.Wire;

/// <summary>
/// The fields every push (sale, auth, refund, void, ...) carries, shared by the generated request types, so that one
/// dispatch fills them for all and one rule checks their webhook URLs.
/// </summary>
internal interface IPushWire : IWireObject
{
    string AppId { get; set; }

    string MerchantId { get; set; }

    string TerminalSn { get; set; }

    string TransactionRequestId { get; set; }

    string? Attach { get; set; }

    /// <summary>Where SUNBAY sends the transaction's final result.</summary>
    string? NotifyUrl { get; set; }

    /// <summary>Where SUNBAY sends real-time terminal events.</summary>
    string? TerminalEventNotifyUrl { get; set; }

    string? PrintReceipt { get; set; }
}

/// <summary>A push that takes a <c>timeExpire</c>.</summary>
internal interface IExpiringWire
{
    string? TimeExpire { get; set; }
}

/// <summary>A push that follows up an earlier transaction.</summary>
internal interface IOriginalWire
{
    string? OriginalTransactionId { get; set; }

    string? OriginalTransactionRequestId { get; set; }

    bool? PushToTerminal { get; set; }
}

/// <summary>A push that carries the merchant's order number.</summary>
internal interface IOrderWire
{
    string? ReferenceOrderId { get; }
}

internal partial class SaleRequest : IPushWire, IExpiringWire, IOrderWire;

internal partial class AuthRequest : IPushWire, IExpiringWire, IOrderWire;

internal partial class ForcedAuthRequest : IPushWire, IExpiringWire, IOrderWire;

internal partial class IncrementalAuthRequest : IPushWire, IOriginalWire;

internal partial class PostAuthRequest : IPushWire, IOriginalWire;

internal partial class RefundRequest : IPushWire, IExpiringWire, IOriginalWire, IOrderWire;

internal partial class VoidRequest : IPushWire, IOriginalWire;
