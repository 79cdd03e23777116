namespace Sunbay.Client.Wire;

// What the fake (Sunbay.Client.Testing) reads of any request body through this kernel, which it uses by
// InternalsVisibleTo instead of compiling a copy of it.

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

internal partial class SaleRequest : IMerchantScoped;

internal partial class AuthRequest : IMerchantScoped;

internal partial class ForcedAuthRequest : IMerchantScoped;

internal partial class IncrementalAuthRequest : IMerchantScoped, IOriginalReference;

internal partial class PostAuthRequest : IMerchantScoped, IOriginalReference;

internal partial class RefundRequest : IMerchantScoped, IOriginalReference;

internal partial class VoidRequest : IMerchantScoped, IOriginalReference;

internal partial class AbortRequest : IMerchantScoped, IOriginalReference;

internal partial class TipAdjustRequest : IMerchantScoped, IOriginalReference;

internal partial class BatchCloseRequest : IMerchantScoped;
