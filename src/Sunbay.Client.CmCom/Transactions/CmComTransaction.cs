namespace Sunbay.Client.CmCom;

/// <summary>
/// A transaction as CM.com reports it. Its outcome is known once <see cref="IsOutcomeKnown"/>: approved
/// (<see cref="IsApproved"/>: result <c>APPROVED</c> while <c>AUTHORIZED</c> or <c>CLEARED</c>), declined (result
/// <c>DECLINED</c>, whatever the status), or ended without payment (<c>CANCELLED</c>). A decline is not an exception.
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

    /// <summary>
    /// Approved or declined, once processed; <see langword="null"/> before, and for a transaction cancelled before any card
    /// was presented. Read it with <see cref="Status"/>: <see cref="IsApproved"/> says whether the transaction was paid.
    /// </summary>
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

    /// <summary>
    /// Whether the transaction reached a final status (<see cref="CmComTransactionStatus.Cleared"/> or
    /// <see cref="CmComTransactionStatus.Cancelled"/>): it will not change any more. An approved transaction may stay
    /// <see cref="CmComTransactionStatus.Authorized"/> (awaiting clearance) for hours; its outcome is known before it is
    /// final (<see cref="IsOutcomeKnown"/>).
    /// </summary>
    public bool IsFinal => Status.IsFinal;

    /// <summary>
    /// Whether the bank's answer is in: CM.com's guide bases the merchant's decision on <see cref="Result"/> ("if the
    /// result for that transaction is APPROVED"). True when approved (<see cref="IsApproved"/>), declined
    /// (<see cref="CmComTransactionResult.Declined"/>, whatever the status), or final (<see cref="IsFinal"/>).
    /// </summary>
    public bool IsOutcomeKnown => IsApproved || Result == CmComTransactionResult.Declined || Status.IsFinal;

    /// <summary>
    /// Whether the cardholder paid (a purchase) or was paid (a refund): result <see cref="CmComTransactionResult.Approved"/>
    /// while <see cref="CmComTransactionStatus.Authorized"/> ("authorized by the Acquirer and awaiting clearance") or
    /// <see cref="CmComTransactionStatus.Cleared"/>. A <see cref="CmComTransactionStatus.Cancelled"/> transaction is never
    /// approved, whatever its result: the guide's CANCELLED is "completed unsuccessfully", so nothing was paid and
    /// nothing is to be refunded.
    /// </summary>
    public bool IsApproved => Result == CmComTransactionResult.Approved && (Status == CmComTransactionStatus.Authorized || Status == CmComTransactionStatus.Cleared);

    /// <summary>A description for logs, without the receipt.</summary>
    public override string ToString() =>
        $"CmComTransaction {{ Id = {Id}, TerminalId = {TerminalId}, Type = {Type}, Status = {Status}, Result = {Result}, Amount = {Amount} {Currency}, MerchantOrderReference = {MerchantOrderReference} }}";
}
