namespace Sunbay.Client.Testing.Wire;

/// <summary>A request body that names the application and merchant (every POST body of the spec).</summary>
internal interface IMerchantScoped
{
    string AppId { get; }

    string MerchantId { get; }
}

/// <summary>A request that may name an original transaction.</summary>
internal interface IOriginalReference
{
    string? OriginalTransactionId { get; }

    string? OriginalTransactionRequestId { get; }
}

/// <summary>A push that tells the cloud where to send its webhooks.</summary>
internal interface IWebhookTargets
{
    string? NotifyUrl { get; }

    string? TerminalEventNotifyUrl { get; }
}

internal partial class SaleRequest : IMerchantScoped, IWebhookTargets;

internal partial class AuthRequest : IMerchantScoped, IWebhookTargets;

internal partial class ForcedAuthRequest : IMerchantScoped, IWebhookTargets;

internal partial class IncrementalAuthRequest : IMerchantScoped, IOriginalReference, IWebhookTargets;

internal partial class PostAuthRequest : IMerchantScoped, IOriginalReference, IWebhookTargets;

internal partial class RefundRequest : IMerchantScoped, IOriginalReference, IWebhookTargets;

internal partial class VoidRequest : IMerchantScoped, IOriginalReference, IWebhookTargets;

internal partial class AbortRequest : IMerchantScoped, IOriginalReference;

internal partial class TipAdjustRequest : IMerchantScoped, IOriginalReference;

internal partial class BatchCloseRequest : IMerchantScoped;
