namespace Sunbay.Client.Testing;

/// <summary>The endpoints of the SUNBAY Nexus API that <see cref="FakeSunbayHost"/> serves; used to target faults and to label the journal.</summary>
public enum FakeEndpoint
{
    /// <summary>Any endpoint (a fault queued for it applies to the next request of whatever kind); also an unknown path in the journal.</summary>
    Any = 0,

    /// <summary>POST /v1/semi-integration/transaction/sale.</summary>
    Sale,

    /// <summary>POST /v1/semi-integration/transaction/auth.</summary>
    Auth,

    /// <summary>POST /v1/semi-integration/transaction/forced-auth.</summary>
    ForcedAuth,

    /// <summary>POST /v1/semi-integration/transaction/incremental-auth.</summary>
    IncrementalAuth,

    /// <summary>POST /v1/semi-integration/transaction/post-auth.</summary>
    PostAuth,

    /// <summary>POST /v1/semi-integration/transaction/refund.</summary>
    Refund,

    /// <summary>POST /v1/semi-integration/transaction/void.</summary>
    Void,

    /// <summary>POST /v1/semi-integration/transaction/abort.</summary>
    Abort,

    /// <summary>POST /v1/semi-integration/transaction/tip-adjust.</summary>
    TipAdjust,

    /// <summary>GET /v1/transaction/query.</summary>
    Query,

    /// <summary>GET /v1/settlement/batch-query.</summary>
    BatchQuery,

    /// <summary>POST /v1/settlement/batch-close.</summary>
    BatchClose,

    /// <summary>GET /v1/settlement/batch-close-list.</summary>
    BatchCloseList,

    /// <summary>GET /v1/merchant/query.</summary>
    MerchantQuery,

    /// <summary>GET /v1/merchant/terminals/query.</summary>
    TerminalsQuery,
}
