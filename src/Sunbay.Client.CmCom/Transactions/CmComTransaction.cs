namespace Sunbay.Client.CmCom;

/// <summary>
/// A transaction as CM.com reports it. A decline is not an exception: it is a transaction with <see cref="Status"/>
/// <see cref="CmComTransactionStatus.Cancelled"/> and <see cref="Result"/> <see cref="CmComTransactionResult.Declined"/>.
/// </summary>
/// <remarks>
/// <see cref="Receipt"/> is CM.com's EFT receipt, which may hold a masked card number: the SDK never logs it, and
/// <see cref="ToString"/> leaves it out. Built by the client; in tests, use <see cref="CmComModelFactory.Transaction"/>.
/// </remarks>
public sealed class CmComTransaction
{
    internal CmComTransaction()
    {
    }

    /// <summary>CM.com's id of the transaction (from the start's answer): keep it to read or cancel the transaction.</summary>
    public string Id { get; internal init; } = string.Empty;

    /// <summary>The terminal the transaction was started on (<c>{manufacturer}-{model}-{serial}</c>).</summary>
    public string TerminalId { get; internal init; } = string.Empty;

    /// <summary>Purchase or refund.</summary>
    public CmComTransactionType Type { get; internal init; }

    /// <summary>The merchant's order reference it was started with.</summary>
    public string? MerchantOrderReference { get; internal init; }

    /// <summary>The amount in major units (e.g. 98.75), as CM.com reports it.</summary>
    public decimal? Amount { get; internal init; }

    /// <summary>The amount's ISO 4217 currency, e.g. <c>EUR</c>.</summary>
    public string? Currency { get; internal init; }

    /// <summary>The current status.</summary>
    public CmComTransactionStatus Status { get; internal init; }

    /// <summary>Approved or declined, once processed; <see langword="null"/> before, and for a transaction cancelled before any card was presented.</summary>
    public CmComTransactionResult? Result { get; internal init; }

    /// <summary>When CM.com created the transaction.</summary>
    public DateTimeOffset? CreatedAt { get; internal init; }

    /// <summary>When the terminal processed it.</summary>
    public DateTimeOffset? ProcessedAt { get; internal init; }

    /// <summary>The system trace audit number (STAN), e.g. <c>155890</c>, once processed.</summary>
    public string? SystemTraceAuditNumber { get; internal init; }

    /// <summary>The card brand, e.g. <see cref="CmComCardBrand.VPay"/>, once processed.</summary>
    public CmComCardBrand? Brand { get; internal init; }

    /// <summary>
    /// The plain-text EFT receipt with the content the card schemes require, once processed. Give the cardholder an
    /// itemised description with taxes as well. May hold a masked card number: never logged by the SDK.
    /// </summary>
    public string? Receipt { get; internal init; }

    /// <summary>The store that processed it, once processed.</summary>
    public CmComStore? Store { get; internal init; }

    /// <summary>For a referenced refund: the id of the purchase it pays back.</summary>
    public string? ReferencedTransactionId { get; internal init; }

    /// <summary>Whether the transaction reached a final status (<see cref="CmComTransactionStatus.Cleared"/> or <see cref="CmComTransactionStatus.Cancelled"/>).</summary>
    public bool IsFinal => Status.IsFinal;

    /// <summary>Whether CM.com reported it approved.</summary>
    public bool IsApproved => Result == CmComTransactionResult.Approved;

    /// <summary>A description for logs, without the receipt.</summary>
    public override string ToString() =>
        $"CmComTransaction {{ Id = {Id}, TerminalId = {TerminalId}, Type = {Type}, Status = {Status}, Result = {Result}, Amount = {Amount} {Currency}, MerchantOrderReference = {MerchantOrderReference} }}";
}
