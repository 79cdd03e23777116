namespace Sunbay.Client.Testing;

/// <summary>
/// The endpoints the fake hosts serve, used to target faults (<see cref="FakeFaults"/>) and to label the journal
/// (<see cref="RecordedRequest.Endpoint"/>): SUNBAY Nexus's for <see cref="FakeSunbayHost"/>, then CM.com
/// MerchantAPI's for <see cref="FakeCmComHost"/>. A host refuses a fault queued for the other provider's endpoint.
/// </summary>
public enum FakeEndpoint
{
    /// <summary>Any endpoint (a fault queued for it applies to the next request of whatever kind); also an unknown path in the journal.</summary>
    Any = 0,

    /// <summary>SUNBAY: POST /v1/semi-integration/transaction/sale.</summary>
    Sale,

    /// <summary>SUNBAY: POST /v1/semi-integration/transaction/auth.</summary>
    Auth,

    /// <summary>SUNBAY: POST /v1/semi-integration/transaction/forced-auth.</summary>
    ForcedAuth,

    /// <summary>SUNBAY: POST /v1/semi-integration/transaction/incremental-auth.</summary>
    IncrementalAuth,

    /// <summary>SUNBAY: POST /v1/semi-integration/transaction/post-auth.</summary>
    PostAuth,

    /// <summary>SUNBAY: POST /v1/semi-integration/transaction/refund.</summary>
    Refund,

    /// <summary>SUNBAY: POST /v1/semi-integration/transaction/void.</summary>
    Void,

    /// <summary>SUNBAY: POST /v1/semi-integration/transaction/abort.</summary>
    Abort,

    /// <summary>SUNBAY: POST /v1/semi-integration/transaction/tip-adjust.</summary>
    TipAdjust,

    /// <summary>SUNBAY: GET /v1/transaction/query.</summary>
    Query,

    /// <summary>SUNBAY: GET /v1/settlement/batch-query.</summary>
    BatchQuery,

    /// <summary>SUNBAY: POST /v1/settlement/batch-close.</summary>
    BatchClose,

    /// <summary>SUNBAY: GET /v1/settlement/batch-close-list.</summary>
    BatchCloseList,

    /// <summary>SUNBAY: GET /v1/merchant/query.</summary>
    MerchantQuery,

    /// <summary>SUNBAY: GET /v1/merchant/terminals/query.</summary>
    TerminalsQuery,

    // CM.com's endpoints come after SUNBAY's: each host tells its own from the other's by this order (TerminalsQuery is SUNBAY's last).

    /// <summary>CM.com: GET /stores.</summary>
    ListStores,

    /// <summary>CM.com: GET /terminals.</summary>
    ListTerminals,

    /// <summary>CM.com: GET /terminals/{terminalId}/transactions.</summary>
    ListTransactions,

    /// <summary>CM.com: POST /terminals/{terminalId}/transactions.</summary>
    StartTransaction,

    /// <summary>CM.com: GET /terminals/{terminalId}/transactions/{transactionId}.</summary>
    GetTransaction,

    /// <summary>CM.com: DELETE /terminals/{terminalId}/transactions/{transactionId}.</summary>
    CancelTransaction,

    /// <summary>CM.com: GET /terminals/{terminalId}/daytotals/today.</summary>
    DayTotals,

    /// <summary>CM.com: GET /apikeys.</summary>
    ListApiKeys,

    /// <summary>CM.com: POST /apikeys.</summary>
    CreateApiKey,

    /// <summary>CM.com: DELETE /apikeys/{id}.</summary>
    RevokeApiKey,
}
