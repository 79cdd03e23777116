namespace Sunbay.Client.Testing;

/// <summary>The endpoints of CM.com's MerchantAPI that <see cref="FakeCmComHost"/> serves; used to target faults and to label the journal.</summary>
public enum FakeCmComEndpoint
{
    /// <summary>Any endpoint (a fault queued for it applies to the next request of whatever kind); also an unknown path in the journal.</summary>
    Any = 0,

    /// <summary>GET /stores.</summary>
    ListStores,

    /// <summary>GET /terminals.</summary>
    ListTerminals,

    /// <summary>GET /terminals/{terminalId}/transactions.</summary>
    ListTransactions,

    /// <summary>POST /terminals/{terminalId}/transactions.</summary>
    StartTransaction,

    /// <summary>GET /terminals/{terminalId}/transactions/{transactionId}.</summary>
    GetTransaction,

    /// <summary>DELETE /terminals/{terminalId}/transactions/{transactionId}.</summary>
    CancelTransaction,

    /// <summary>GET /terminals/{terminalId}/daytotals/today.</summary>
    DayTotals,

    /// <summary>GET /apikeys.</summary>
    ListApiKeys,

    /// <summary>POST /apikeys.</summary>
    CreateApiKey,

    /// <summary>DELETE /apikeys/{id}.</summary>
    RevokeApiKey,
}
