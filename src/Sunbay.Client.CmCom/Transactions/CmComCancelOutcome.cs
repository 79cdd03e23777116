namespace Sunbay.Client.CmCom;

/// <summary>What a cancel did.</summary>
public enum CmComCancelOutcome
{
    /// <summary>CM.com cancelled it (204): no card had been presented; the transaction is now CANCELLED.</summary>
    Cancelled = 0,

    /// <summary>
    /// CM.com refused (409): a card was already presented, or the transaction had already ended. The transaction's real
    /// state is read at once: if it is approved, the merchant probably wants to refund it.
    /// </summary>
    TooLate = 1,
}
