namespace Sunbay.Client.Wire;

/// <summary>A wire request that tells SUNBAY where to send webhooks; checked by <see cref="Validation.UrlRules.WebhookTargets"/>.</summary>
internal interface IWebhookTargets
{
    /// <summary>Where SUNBAY sends the transaction's final result.</summary>
    string? NotifyUrl { get; }

    /// <summary>Where SUNBAY sends real-time terminal events.</summary>
    string? TerminalEventNotifyUrl { get; }
}

internal partial class SaleRequest : IWebhookTargets
{
}

internal partial class AuthRequest : IWebhookTargets
{
}

internal partial class ForcedAuthRequest : IWebhookTargets
{
}

internal partial class IncrementalAuthRequest : IWebhookTargets
{
}

internal partial class PostAuthRequest : IWebhookTargets
{
}

internal partial class RefundRequest : IWebhookTargets
{
}

internal partial class VoidRequest : IWebhookTargets
{
}
