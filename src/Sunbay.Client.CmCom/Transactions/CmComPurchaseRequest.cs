namespace Sunbay.Client.CmCom;

/// <summary>A purchase started on a terminal: the terminal picks it up at its next poll and the cardholder pays there.</summary>
public sealed record CmComPurchaseRequest : CmComTransactionRequest
{
    internal override CmComTransactionType Type => CmComTransactionType.Purchase;
}
